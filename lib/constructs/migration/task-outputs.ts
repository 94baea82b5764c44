import { CfnOutput, Fn } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { MIGRATION_TASK_OUTPUTS, NO_SOURCE_ACCESS, type MigrationTaskOutputValues } from '../../../lambda/contracts/migration-task';

const DESCRIPTIONS: Record<keyof typeof MIGRATION_TASK_OUTPUTS, string> = {
  clusterArn: 'sr-migrate remote: cluster the migration task runs in',
  taskDefinitionArn: 'sr-migrate remote: migration task definition',
  containerName: 'sr-migrate remote: container whose command is overridden',
  subnetIds: 'sr-migrate remote: private subnets of the task (comma-separated)',
  securityGroupId: 'sr-migrate remote: security group of the task',
  platformVersion: 'sr-migrate remote: Fargate platform version',
  logGroupName: 'sr-migrate remote: log group of the task',
  logStreamPrefix: 'sr-migrate remote: awslogs stream prefix (<prefix>/<container>/<task id>)',
  adminSecretArn: 'sr-migrate remote: admin secret of this registry ({target} authenticates with it)',
  sourceSecretArn: 'sr-migrate remote: source registry credentials (migration.sourceSecretArn)',
  sourceAccess: 'sr-migrate remote: source networks and ports the task may reach besides HTTPS (cidr:port, or none)',
};

/** One output per value, each under its fixed key (the logical id the CLI looks up). */
export function addMigrationTaskOutputs(scope: Construct, values: MigrationTaskOutputValues): void {
  const rendered: Record<keyof typeof MIGRATION_TASK_OUTPUTS, string | undefined> = {
    clusterArn: values.clusterArn,
    taskDefinitionArn: values.taskDefinitionArn,
    containerName: values.containerName,
    subnetIds: Fn.join(',', [...values.subnetIds]),
    securityGroupId: values.securityGroupId,
    platformVersion: values.platformVersion,
    logGroupName: values.logGroupName,
    logStreamPrefix: values.logStreamPrefix,
    adminSecretArn: values.adminSecretArn,
    sourceSecretArn: values.sourceSecretArn,
    sourceAccess: values.sourceAccess.length > 0 ? values.sourceAccess.join(',') : NO_SOURCE_ACCESS,
  };
  for (const [name, key] of Object.entries(MIGRATION_TASK_OUTPUTS) as [keyof typeof MIGRATION_TASK_OUTPUTS, string][]) {
    const value = rendered[name];
    if (value === undefined) continue;
    new CfnOutput(scope, key, { value, description: DESCRIPTIONS[name] }).overrideLogicalId(key);
  }
}
