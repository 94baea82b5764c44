import { Token } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ConfigValidationError } from '../../../lib/config';
import { RegistryStage } from '../../../lib/stages/registry-stage';
import { testApp } from '../../helpers/app';
import { configWith, defaultStage } from '../stacks/stage-fixture';

describe('RegistryStage', () => {
  test('one stage per environment with Network, Data, Registry and Monitoring stacks', () => {
    const { stage } = defaultStage('dev');
    expect(stage.stageName).toBe('Dev');
    expect(stage.node.children.map((c) => c.node.id)).toEqual(['Network', 'Data', 'Registry', 'Monitoring']);
    expect(stage.monitoring.stackName).toBe('Dev-Monitoring');
    expect(stage.network.stackName).toBe('Dev-Network');
    expect(stage.data.stackName).toBe('Dev-Data');
    expect(stage.registry.stackName).toBe('Dev-Registry');
  });

  test('stateless depends on stateful, stateful on the network', () => {
    const { stage } = defaultStage('dev');
    expect(stage.registry.dependencies).toEqual(expect.arrayContaining([stage.data, stage.network]));
    expect(stage.data.dependencies).toEqual([stage.network]);
    expect(stage.network.dependencies).toEqual([]);
  });

  test('stacks are pinned to the configured region and stay account-agnostic by default', () => {
    const { stage } = defaultStage('prod');
    for (const stack of [stage.network, stage.data, stage.registry]) {
      expect(stack.region).toBe('eu-west-1');
      expect(Token.isUnresolved(stack.account)).toBe(true);
    }
  });

  test('a configured account pins every stack to it', () => {
    const app = testApp();
    const stage = new RegistryStage(app, 'Dev', { config: configWith('dev', { account: '123456789012' }) });
    expect([stage.network, stage.data, stage.registry].map((s) => s.account)).toEqual(['123456789012', '123456789012', '123456789012']);
  });

  test('exposes what monitoring, seeding and backups need', () => {
    const { stage } = defaultStage('dev');
    const r = stage.registry;
    for (const value of [
      r.cluster,
      r.service,
      r.loadBalancer,
      r.listener,
      r.targetGroup,
      r.serviceSecurityGroup,
      r.albSecurityGroup,
      r.vpc,
    ]) {
      expect(value).toBeDefined();
    }
    expect(r.registryUrl).toMatch(/^http:\/\//);
    expect(r.resolve(r.minTaskCount)).toEqual({ Ref: 'MinTasks' });
    expect(stage.data.bucket).toBeDefined();
    expect(stage.data.adminSecret).toBeDefined();
    expect(stage.data.accessLogsBucket).toBeDefined();
    expect(stage.network.vpc).toBe(r.vpc);
  });

  test('backups run by default and the monitoring stack watches them; no seeding unless configured', () => {
    const { stage } = defaultStage('dev');
    expect(stage.backup).toBeDefined();
    expect(stage.seeding).toBeUndefined();
    const alarms = Object.values(Template.fromStack(stage.monitoring).findResources('AWS::CloudWatch::Alarm')).map(
      (a) => a.Properties.AlarmName as string,
    );
    expect(alarms).toEqual(expect.arrayContaining(['Dev-SchemaRegistry-BackupStale', 'Dev-SchemaRegistry-BackupErrors']));
    expect(alarms.some((name) => name.includes('Seed'))).toBe(false);
    Template.fromStack(stage.registry).resourceCountIs('Custom::SchemaRegistrySeed', 0);
  });

  test('a configured export adds the seeding resource to the registry stack and its error alarm', () => {
    const config = configWith('dev', {
      seeding: { exportKey: 'exports/source.jsonl.gz', exportSha256: 'b'.repeat(64) },
      backup: { enabled: false },
    });
    const stage = new RegistryStage(testApp(), 'Dev', { config });
    expect(stage.seeding).toBeDefined();
    expect(stage.backup).toBeUndefined();
    Template.fromStack(stage.registry).resourceCountIs('Custom::SchemaRegistrySeed', 1);
    const alarms = Object.values(Template.fromStack(stage.monitoring).findResources('AWS::CloudWatch::Alarm')).map(
      (a) => a.Properties.AlarmName as string,
    );
    expect(alarms).toContain('Dev-SchemaRegistry-SeedErrors');
    expect(alarms.some((name) => name.includes('Backup'))).toBe(false);
  });

  test('an invalid config fails before any stack is built, naming every problem', () => {
    const app = testApp();
    const config = configWith('prod', { service: { cpu: 256, memoryMiB: 4096 }, kafka: { brokerCount: 4 } });
    expect(() => new RegistryStage(app, 'Prod', { config })).toThrow(ConfigValidationError);
    expect(() => new RegistryStage(testApp(), 'Prod', { config })).toThrow(
      /service\.cpu\/memoryMiB: 256\/4096[\s\S]*kafka\.brokerCount: 4/,
    );
  });
});
