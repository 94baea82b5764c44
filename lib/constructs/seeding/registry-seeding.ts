import * as path from 'node:path';
import { CfnElement, CustomResource, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import type * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { MAX_SEEDING_TIMEOUT_MINUTES } from '../../config/seeding-config';
import { acknowledge } from '../../nag/acknowledge';
import { RegistryClientFunction } from './registry-client-function';
import type { SeedExportSource } from './seed-export-source';

const SEED_HANDLER = path.join(__dirname, '..', '..', '..', 'lambda', 'handlers', 'seed.ts');

export interface RegistrySeedingProps {
  /** The export to seed from. */
  readonly source: SeedExportSource;
  /** Base URL of the registry as the function reaches it (the internal load balancer). */
  readonly registryUrl: string;
  /** The registry's load-balancer listener; the functions may reach only its port. */
  readonly registryListener: elbv2.IApplicationListener;
  /** Basic-auth admin credentials (`{"username","password"}`); read, never copied. */
  readonly adminSecret: secretsmanager.ISecret;
  readonly vpc: ec2.IVpc;
  /**
   * Subnets of the functions.
   * @default private subnets with egress
   */
  readonly vpcSubnets?: ec2.SubnetSelection;
  /**
   * The ECS service to wait for (one PRIMARY deployment, rollout COMPLETED, running = desired)
   * before seeding. Referencing it also orders the resource after the service.
   * @default no wait beyond the registry answering GET /
   */
  readonly service?: ecs.IBaseService;
  /**
   * Total time for a Create/Update (waiting + import + verify). CloudFormation waits at most
   * one hour for a custom resource.
   * @default Duration.minutes(50)
   */
  readonly timeout?: Duration;
  /**
   * How often the framework polls isComplete.
   * @default Duration.seconds(30)
   */
  readonly queryInterval?: Duration;
  /**
   * Memory of the functions (MB). The export is held in memory while it is imported (about the
   * size of its schema texts, plus the target's snapshot); Lambda CPU also scales with memory.
   * @default 1024
   */
  readonly memorySize?: number;
  /** Retention of the functions' and the waiter's logs. */
  readonly logRetention: logs.RetentionDays;
  /**
   * @default RemovalPolicy.DESTROY
   */
  readonly logRemovalPolicy?: RemovalPolicy;
}

/**
 * Seeds the registry from an export during `cdk deploy` (DESIGN §7): a custom resource backed
 * by `custom_resources.Provider` with onEvent + isComplete. A new export (new trailer sha256
 * or a new key) triggers an Update that imports only what is missing; the same export does
 * nothing; Delete leaves the registry as it is.
 *
 * Attributes (`resource.getAttString(...)`): Imported, Skipped, Contexts, SubjectVersions,
 * ExportSha256, Unchanged.
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
    if (totalTimeout.toSeconds() > MAX_SEEDING_TIMEOUT_MINUTES * 60 || totalTimeout.toSeconds() < 5 * 60) {
      throw new Error(
        `RegistrySeeding timeout must be 5 to ${MAX_SEEDING_TIMEOUT_MINUTES} minutes (CloudFormation waits at most 1 hour for a custom resource), got ${totalTimeout.toHumanString()}`,
      );
    }
    this.totalTimeout = totalTimeout;

    const exportObject = props.source.bind(this);
    // The handler's own deadline, a little inside the framework's, so a timeout names what it waited for.
    const handlerBudgetSeconds = totalTimeout.toSeconds() - 3 * 60;
    const common = {
      vpc: props.vpc,
      vpcSubnets: props.vpcSubnets,
      registryListener: props.registryListener,
      logRetention: props.logRetention,
      logRemovalPolicy: props.logRemovalPolicy,
      entry: SEED_HANDLER,
      memorySize: props.memorySize,
      environment: { SEED_TIMEOUT_SECONDS: String(handlerBudgetSeconds) },
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
    props.adminSecret.grantRead(this.isCompleteFunction.function);
    if (props.service) {
      this.isCompleteFunction.function.addToRolePolicy(
        new iam.PolicyStatement({ actions: ['ecs:DescribeServices'], resources: [props.service.serviceArn] }),
      );
    }

    const providerLogs = new logs.LogGroup(this, 'ProviderLogs', {
      retention: props.logRetention,
      removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.DESTROY,
    });
    this.provider = new cr.Provider(this, 'Provider', {
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
      resourceType: 'Custom::SchemaRegistrySeed',
      // A little above totalTimeout: the framework answers first; a broken framework fails within the hour.
      serviceTimeout: totalTimeout.plus(Duration.minutes(5)),
      properties: {
        ExportBucket: exportObject.bucketName,
        ExportKey: exportObject.objectKey,
        ...(exportObject.sha256 ? { ExportSha256: exportObject.sha256 } : {}),
        RegistryUrl: props.registryUrl,
        AdminSecretArn: props.adminSecret.secretArn,
        ...(props.service ? { EcsCluster: props.service.cluster.clusterName, EcsService: props.service.serviceName } : {}),
      },
    });

    this.acknowledgeFrameworkFindings();
  }

  /** Findings on the CDK-generated Provider framework, which this construct does not author. */
  private acknowledgeFrameworkFindings(): void {
    acknowledge(this.provider, {
      id: 'AwsSolutions-L1',
      reason:
        'The Provider framework functions use the runtime CDK picks for its bundled handler (determineLatestNodeRuntime, aws/aws-cdk#36269); our own seeding functions use nodejs24.x.',
    });
    acknowledge(this.provider, {
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason:
        'AWS managed policy the Provider framework gives its own functions for writing their logs; it allows only CloudWatch Logs writes.',
    });
    // The framework may invoke any version of the functions it drives (grantInvoke adds `<arn>:*`).
    const frameworkFunctions = ['framework-isComplete', 'framework-onTimeout'].map(
      (id) => this.provider.node.findChild(id) as lambda.IFunction,
    );
    for (const fn of [this.onEventFunction.function, this.isCompleteFunction.function, ...frameworkFunctions]) {
      acknowledge(this.provider, {
        id: `AwsSolutions-IAM5[Resource::<${logicalIdOf(fn)}.Arn>:*]`,
        reason:
          'The Provider framework invokes this function, including its versions and aliases (lambda:InvokeFunction on <arn>:*); no other function.',
      });
    }
    acknowledge(this.provider.node.findChild('waiter-state-machine'), {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Step Functions log delivery to CloudWatch Logs (logs:CreateLogDelivery, PutResourcePolicy, DescribeLogGroups and related) supports only Resource "*"; it is what SF1 logging requires.',
    });
    acknowledge(this.provider, {
      id: 'AwsSolutions-SF2',
      reason:
        'X-Ray tracing is not configurable on the Provider framework waiter state machine; its executions are logged (SF1) and the handlers log every step.',
    });
  }
}

/** The logical id cdk-nag prints in granular IAM5 finding ids (`<LogicalId.Arn>`). */
function logicalIdOf(fn: lambda.IFunction): string {
  return Stack.of(fn).getLogicalId(fn.node.defaultChild as CfnElement);
}
