import { MIGRATION_TASK_OUTPUTS } from '../../../../lambda/contracts/migration-task';
import { REGISTRY_URL_OUTPUT, registryStackName } from '../../../../lambda/contracts/stack-names';
import { RegistryStage } from '../../../../lib/stages/registry-stage';
import { testApp } from '../../../helpers/app';
import { configWith, defaultStage } from '../../stacks/stage-fixture';

describe('migration in the prod stage', () => {
  const { stage, registry, monitoring } = defaultStage('prod');

  test('sr-migrate remote finds the Registry stack by name', () => {
    expect(registryStackName('prod')).toBe(stage.registry.stackName);
  });

  test('the Registry stack outputs the registry URL and every migration-task key', () => {
    const outputs = Object.keys(registry.toJSON().Outputs);
    const expected = Object.values(MIGRATION_TASK_OUTPUTS).filter((key) => key !== MIGRATION_TASK_OUTPUTS.sourceSecretArn);
    expect(outputs).toEqual(expect.arrayContaining([REGISTRY_URL_OUTPUT, ...expected]));
    expect(outputs).not.toContain(MIGRATION_TASK_OUTPUTS.sourceSecretArn);
  });

  test('the task runs in the registry cluster, and the one service is the registry', () => {
    const clusterId = stage.registry.getLogicalId(stage.registry.cluster.node.defaultChild as never);
    expect(registry.toJSON().Outputs[MIGRATION_TASK_OUTPUTS.clusterArn].Value).toEqual({ 'Fn::GetAtt': [clusterId, 'Arn'] });
    const services = Object.values(registry.findResources('AWS::ECS::Service')) as { Properties: { TaskDefinition: unknown } }[];
    const taskDefId = stage.registry.getLogicalId(stage.migrationTask!.taskDefinition.node.defaultChild as never);
    expect(services).toHaveLength(1);
    expect(services[0].Properties.TaskDefinition).not.toEqual({ Ref: taskDefId });
  });

  test('the task keeps its log like the registry (RETAIN in prod) and the registry log retention', () => {
    const logId = stage.registry.getLogicalId(stage.migrationTask!.logGroup.node.defaultChild as never);
    expect(registry.toJSON().Resources[logId]).toMatchObject({ DeletionPolicy: 'Retain', Properties: { RetentionInDays: 365 } });
  });

  test('the Monitoring stack alarms on the mode check and the sync', () => {
    const names = Object.values(monitoring.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties.AlarmName);
    expect(names).toEqual(
      expect.arrayContaining([
        'Prod-SchemaRegistry-RegistryNotWritable',
        'Prod-SchemaRegistry-SyncStalled',
        'Prod-SchemaRegistry-SyncBehind',
        'Prod-SchemaRegistry-ModeCheckErrors',
      ]),
    );
  });
});

test('migration.enabled false: no task, no mode check, no migration alarms', () => {
  const stage = new RegistryStage(testApp(), 'Dev', { config: configWith('dev', { migration: { enabled: false } }) });
  expect(stage.migrationTask).toBeUndefined();
  expect(stage.modeCheck).toBeUndefined();
  const names = stage.monitoring.alarms.map((alarm) => alarm.node.path);
  expect(names.filter((path) => path.includes('/Migration/'))).toEqual([]);
  expect(stage.registry.node.tryFindChild('MigrationTask')).toBeUndefined();
});
