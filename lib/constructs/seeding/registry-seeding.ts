import * as path from 'node:path';
import { CustomResource, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { LEDGER_NAME, MIGRATION_ENV, MIGRATION_STATE_PREFIX } from '../../../lambda/contracts/migration-state';
import { SEED_ENV, SEED_PROPERTIES, SEED_RESOURCE_TYPE } from '../../../lambda/contracts/seeding';
import { MAX_SEEDING_TIMEOUT_MINUTES } from '../../config/seeding-config';
import {
  grantAdminSecretRead,
  RegistryClientFunction,
  type RegistryAccessProps,
  registryAccessProblems,
  registryFunctionProps,
} from '../registry-access';
import { grantBucketKeyUse } from '../shared/bucket-key-grants';
import { throwIfInvalidProps } from '../shared/invalid-props';
import { acknowledgeProviderFindings } from './provider-findings';
import { traceWaiterStateMachine } from './waiter-tracing';
import type { SeedExportSource } from './seed-export-source';

const SEED_HANDLER = path.join(__dirname, '..', '..', '..', 'lambda', 'handlers', 'seed.ts');
const MIN_TIMEOUT_MINUTES = 5;

export interface RegistrySeedingProps extends RegistryAccessProps {
  /** The export to seed from. */
  readonly source: SeedExportSource;
  /**
   * The ECS service to wait for (one PRIMARY deployment, rollout COMPLETED, running = desired)
   * before seeding. Referencing it also orders the resource after the service.
   * @default no wait beyond the registry answering GET /
   */
  readonly service?: ecs.IBaseService;
  /**
   * Total time for a Create/Update (waiting + import + verify), 5 to 50 minutes. CloudFormation
   * waits at most one hour for a custom resource.
   * @default Duration.minutes(50)
   */
  readonly timeout?: Duration;
  /**
   * How often the framework polls isComplete; must divide `timeout` evenly (the waiter retries
   * timeout / queryInterval times).
   * @default Duration.seconds(30)
   */
  readonly queryInterval?: Duration;
  /**
   * Bucket of the migration state (the environment's data bucket): the seeding records what it
   * imports in the ownership ledger at `migrations/ledger.json`, so a later `sr-migrate import`
   * or `sync` from the same source may mirror that source's permanent deletes.
   * @default no ledger (later imports treat the seeded content as foreign)
   */
  readonly stateBucket?: s3.IBucket;
}

/**
 * Seeds the registry from an export during `cdk deploy` (docs/architecture.md §7): a custom
 * resource backed by `custom_resources.Provider` with onEvent + isComplete. A new export (new
 * trailer sha256 or a new key) triggers an Update that imports only what is missing; the same
 * export does nothing; Delete leaves the registry as it is.
 *
 * Its type, properties and attributes are the contract in lambda/contracts/seeding.ts
 * (`resource.getAttString(SEED_ATTRIBUTES.imported)` and so on).
 */
export class RegistrySeeding extends Construct {
  readonly resource: CustomResource;
  readonly provider: cr.Provider;
  readonly onEventFunction: RegistryClientFunction;
  readonly isCompleteFunction: RegistryClientFunction;
  /** The Provider's totalTimeout. */
  readonly totalTimeout: Duration;

  constructor(scope: Construct, id: string, props: RegistrySeedingProps) {
    super(scope, id);
    const totalTimeout = props.timeout ?? Duration.minutes(MAX_SEEDING_TIMEOUT_MINUTES);
    const queryInterval = props.queryInterval ?? Duration.seconds(30);
    throwIfInvalidProps(this, 'RegistrySeeding', [...registryAccessProblems(props), ...timingProblems(totalTimeout, queryInterval)]);
    this.totalTimeout = totalTimeout;

    const exportObject = props.source.bind(this);
    // The handler's own deadline, a little inside the framework's, so a timeout names what it waited for.
    const handlerBudgetSeconds = totalTimeout.toSeconds() - 3 * 60;
    const common = {
      ...registryFunctionProps(props),
      entry: SEED_HANDLER,
      environment: {
        [SEED_ENV.timeoutSeconds]: String(handlerBudgetSeconds),
        ...(props.stateBucket ? { [MIGRATION_ENV.stateDir]: `s3://${props.stateBucket.bucketName}/${MIGRATION_STATE_PREFIX}` } : {}),
      },
    };
    this.onEventFunction = new RegistryClientFunction(this, 'OnEvent', {
      ...common,
      handler: 'onEvent',
      description: 'Schema Registry seeding: validates the request and the export',
      timeout: Duration.minutes(5),
    });
    this.isCompleteFunction = new RegistryClientFunction(this, 'IsComplete', {
      ...common,
      handler: 'isComplete',
      description: 'Schema Registry seeding: waits for the service, imports in slices, verifies',
      // Below the framework's 15-minute invoke so a slice always returns before its caller gives up.
      timeout: Duration.minutes(14),
    });

    exportObject.grantRead(this.onEventFunction.function);
    // onEvent tells a rollback Update (which must not re-import the older export) by the stack's status.
    this.onEventFunction.function.addToRolePolicy(
      new iam.PolicyStatement({ actions: ['cloudformation:DescribeStacks'], resources: [Stack.of(this).stackId] }),
    );
    exportObject.grantRead(this.isCompleteFunction.function);
    grantAdminSecretRead(this.isCompleteFunction.function, props);
    if (props.stateBucket) grantLedger(this.isCompleteFunction.function, props.stateBucket);
    if (props.service) {
      this.isCompleteFunction.function.addToRolePolicy(
        new iam.PolicyStatement({ actions: ['ecs:DescribeServices'], resources: [props.service.serviceArn] }),
      );
    }

    const providerLogs = new logs.LogGroup(this, 'ProviderLogs', {
      retention: props.logRetention,
      encryptionKey: props.logEncryptionKey,
      removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.DESTROY,
    });
    // The framework functions call Lambda, Step Functions and the CloudFormation response URL
    // only: HTTPS out, inside the VPC like every function of the environment.
    const frameworkSecurityGroup = new ec2.SecurityGroup(this, 'ProviderSecurityGroup', {
      vpc: props.vpc,
      description: 'Schema Registry seeding framework: HTTPS to AWS APIs only',
      allowAllOutbound: false,
    });
    frameworkSecurityGroup.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'HTTPS to AWS APIs');
    this.provider = new cr.Provider(this, 'Provider', {
      vpc: props.vpc,
      vpcSubnets: props.vpcSubnets ?? { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      securityGroups: [frameworkSecurityGroup],
      onEventHandler: this.onEventFunction.function,
      isCompleteHandler: this.isCompleteFunction.function,
      queryInterval,
      totalTimeout,
      logGroup: providerLogs,
      disableWaiterStateMachineLogging: false,
      // Execution data holds the pre-signed CloudFormation response URL: keep it out of the logs.
      waiterStateMachineLogOptions: { destination: providerLogs, level: sfn.LogLevel.ALL, includeExecutionData: false },
    });

    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: this.provider.serviceToken,
      resourceType: SEED_RESOURCE_TYPE,
      // A little above totalTimeout: the framework answers first; a broken framework fails within the hour.
      serviceTimeout: totalTimeout.plus(Duration.minutes(5)),
      properties: {
        [SEED_PROPERTIES.exportBucket]: exportObject.bucketName,
        [SEED_PROPERTIES.exportKey]: exportObject.objectKey,
        ...(exportObject.sha256 ? { [SEED_PROPERTIES.exportSha256]: exportObject.sha256 } : {}),
        [SEED_PROPERTIES.registryUrl]: props.registryUrl,
        [SEED_PROPERTIES.adminSecretArn]: props.adminSecret.secretArn,
        ...(props.service
          ? { [SEED_PROPERTIES.ecsCluster]: props.service.cluster.clusterName, [SEED_PROPERTIES.ecsService]: props.service.serviceName }
          : {}),
      },
    });

    traceWaiterStateMachine(this.provider);
    // Findings on the CDK-generated Provider framework, which this construct does not author.
    acknowledgeProviderFindings(this.provider, [this.onEventFunction.function, this.isCompleteFunction.function]);
  }
}

/** Problems with the seeding's timing props, each naming the prop and the fix; [] when valid. */
function timingProblems(timeout: Duration, queryInterval: Duration): string[] {
  const problems: string[] = [];
  const timeoutSeconds = timeout.toSeconds();
  if (timeoutSeconds > MAX_SEEDING_TIMEOUT_MINUTES * 60 || timeoutSeconds < MIN_TIMEOUT_MINUTES * 60) {
    problems.push(
      `timeout must be ${MIN_TIMEOUT_MINUTES} to ${MAX_SEEDING_TIMEOUT_MINUTES} minutes (CloudFormation waits at most 1 hour for a custom resource), got ${timeout.toHumanString()}`,
    );
  }
  const intervalSeconds = queryInterval.toSeconds();
  if (!(intervalSeconds >= 1 && intervalSeconds <= timeoutSeconds && timeoutSeconds % intervalSeconds === 0)) {
    problems.push(
      `queryInterval must be at least 1 second and divide timeout evenly (the waiter retries timeout / queryInterval times), ` +
        `got ${queryInterval.toHumanString()} for ${timeout.toHumanString()}; e.g. 30 seconds`,
    );
  }
  return problems;
}

/**
 * The ledger only: read and replace one object under migrations/ (each import slice does both),
 * and list exactly that key, so a first run reads "not found" rather than "access denied".
 */
function grantLedger(fn: lambda.IFunction, bucket: s3.IBucket): void {
  const key = `${MIGRATION_STATE_PREFIX}${LEDGER_NAME}`;
  fn.addToRolePolicy(
    new iam.PolicyStatement({
      actions: ['s3:GetObject', 's3:PutObject', 's3:AbortMultipartUpload'],
      resources: [bucket.arnForObjects(key)],
    }),
  );
  fn.addToRolePolicy(
    new iam.PolicyStatement({
      actions: ['s3:ListBucket'],
      resources: [bucket.bucketArn],
      conditions: { StringEquals: { 's3:prefix': key } },
    }),
  );
  grantBucketKeyUse(fn, bucket, 'write');
}
