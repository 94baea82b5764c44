import { CloudFormationClient, DescribeStacksCommand, type Output } from '@aws-sdk/client-cloudformation';
import { MIGRATION_TASK_OUTPUTS, NO_SOURCE_ACCESS, type MigrationTaskOutputValues } from '../../lambda/contracts/migration-task';
import { REGISTRY_URL_OUTPUT, registryStackName, STAGE_IDS, type StageEnvironment } from '../../lambda/contracts/stack-names';
import { awsError, RemoteError } from './errors';

/** Everything `remote` needs about one environment, from its Registry stack's outputs. */
export interface MigrationStack extends MigrationTaskOutputValues {
  readonly stackName: string;
  /** The registry URL the Lambdas use (the DNS name, with https when configured). */
  readonly registryUrl: string;
}

const REQUIRED = [
  'clusterArn',
  'taskDefinitionArn',
  'containerName',
  'subnetIds',
  'securityGroupId',
  'platformVersion',
  'logGroupName',
  'logStreamPrefix',
  'adminSecretArn',
] as const;

/** Reads `<Stage>-Registry` and checks that it carries a migration task. */
export async function readMigrationStack(cloudformation: CloudFormationClient, env: StageEnvironment): Promise<MigrationStack> {
  const stackName = registryStackName(env);
  const deploy = `npx cdk deploy '${STAGE_IDS[env]}/*'`;
  let outputs: Output[];
  let status: string | undefined;
  try {
    const answer = await cloudformation.send(new DescribeStacksCommand({ StackName: stackName }));
    const stack = answer.Stacks?.[0];
    outputs = stack?.Outputs ?? [];
    status = stack?.StackStatus;
  } catch (error) {
    const message = (error as Error)?.message ?? '';
    if ((error as { name?: string })?.name === 'ValidationError' && /does not exist/i.test(message)) {
      const region = await cloudformation.config.region().catch(() => 'this region');
      throw new RemoteError(
        `stack ${stackName} is not deployed in ${region}: deploy the ${env} environment (${deploy}) or pass --region with the region it is in`,
      );
    }
    throw awsError(error, `cloudformation:DescribeStacks on ${stackName}`);
  }
  const value = (key: string) => outputs.find((o) => o.OutputKey === key)?.OutputValue;
  const missing = REQUIRED.filter((name) => !value(MIGRATION_TASK_OUTPUTS[name]));
  if (!value(REGISTRY_URL_OUTPUT) || missing.length > 0) {
    const what = missing.length > 0 ? 'has no migration task' : `has no ${REGISTRY_URL_OUTPUT} output`;
    const inProgress = status && /_IN_PROGRESS$/.test(status) ? ` (it is ${status}: wait for the deploy to finish)` : '';
    throw new RemoteError(
      `stack ${stackName} ${what}${inProgress}: set migration.enabled to true for ${env} (lib/config/environments.ts) and deploy (${deploy})`,
    );
  }
  const get = (name: keyof typeof MIGRATION_TASK_OUTPUTS) => value(MIGRATION_TASK_OUTPUTS[name]) as string;
  const access = value(MIGRATION_TASK_OUTPUTS.sourceAccess);
  return {
    stackName,
    registryUrl: (value(REGISTRY_URL_OUTPUT) as string).replace(/\/+$/, ''),
    clusterArn: get('clusterArn'),
    taskDefinitionArn: get('taskDefinitionArn'),
    containerName: get('containerName'),
    subnetIds: get('subnetIds')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    securityGroupId: get('securityGroupId'),
    platformVersion: get('platformVersion'),
    logGroupName: get('logGroupName'),
    logStreamPrefix: get('logStreamPrefix'),
    adminSecretArn: get('adminSecretArn'),
    sourceSecretArn: value(MIGRATION_TASK_OUTPUTS.sourceSecretArn),
    sourceAccess: !access || access === NO_SOURCE_ACCESS ? [] : access.split(',').map((s) => s.trim()),
  };
}
