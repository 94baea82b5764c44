import type { Output } from '@aws-sdk/client-cloudformation';
import type { MigrationStack } from '../../../cli/remote';

export const REGISTRY_URL = 'https://schema-registry.internal.example.com';
export const ADMIN_SECRET = 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:prod-sr-admin-AbCdEf';
export const SOURCE_SECRET = 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:old-sr-credentials-XyZ123';
export const CLUSTER = 'arn:aws:ecs:eu-west-1:111111111111:cluster/Prod-Registry-Cluster';
export const TASK_DEFINITION = 'arn:aws:ecs:eu-west-1:111111111111:task-definition/sr-migrate-prod:7';
export const TASK_ARN = 'arn:aws:ecs:eu-west-1:111111111111:task/Prod-Registry-Cluster/0123456789abcdef0123456789abcdef';
export const TASK_ID = '0123456789abcdef0123456789abcdef';
export const LOG_GROUP = 'Prod-Registry-MigrationTaskLogs1234';
export const STREAM = `sr-migrate/sr-migrate/${TASK_ID}`;

/** The Registry stack's outputs as CloudFormation returns them for a deployed migration task. */
export function stackOutputs(overrides: Record<string, string | undefined> = {}): Output[] {
  const values: Record<string, string | undefined> = {
    RegistryUrl: REGISTRY_URL,
    MigrationClusterArn: CLUSTER,
    MigrationTaskDefinitionArn: TASK_DEFINITION,
    MigrationContainerName: 'sr-migrate',
    MigrationSubnetIds: 'subnet-0aaa,subnet-0bbb,subnet-0ccc',
    MigrationSecurityGroupId: 'sg-0123456789abcdef0',
    MigrationPlatformVersion: 'LATEST',
    MigrationLogGroupName: LOG_GROUP,
    MigrationLogStreamPrefix: 'sr-migrate',
    MigrationAdminSecretArn: ADMIN_SECRET,
    MigrationSourceAccess: 'none',
    ...overrides,
  };
  return Object.entries(values)
    .filter(([, value]) => value !== undefined)
    .map(([OutputKey, OutputValue]) => ({ OutputKey, OutputValue }));
}

/** The same as `readMigrationStack` reads it. */
export function migrationStack(overrides: Partial<MigrationStack> = {}): MigrationStack {
  return {
    stackName: 'Prod-Registry',
    registryUrl: REGISTRY_URL,
    clusterArn: CLUSTER,
    taskDefinitionArn: TASK_DEFINITION,
    containerName: 'sr-migrate',
    subnetIds: ['subnet-0aaa', 'subnet-0bbb', 'subnet-0ccc'],
    securityGroupId: 'sg-0123456789abcdef0',
    platformVersion: 'LATEST',
    logGroupName: LOG_GROUP,
    logStreamPrefix: 'sr-migrate',
    adminSecretArn: ADMIN_SECRET,
    sourceAccess: [],
    ...overrides,
  };
}

/** An AWS SDK service error as the clients throw it. */
export function awsException(name: string, message: string): Error {
  return Object.assign(new Error(message), { name, $fault: 'client', $metadata: { httpStatusCode: 400 } });
}
