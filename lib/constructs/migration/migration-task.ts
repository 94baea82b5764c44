import { Aws, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { MIGRATION_ENV, MIGRATION_STATE_PREFIX } from '../../../lambda/contracts/migration-state';
import { MIGRATION_CONTAINER_NAME, MIGRATION_LOG_STREAM_PREFIX } from '../../../lambda/contracts/migration-task';
import { type MigrationConfig, migrationTaskProblems } from '../../config/migration-config';
import { acknowledge } from '../../nag/acknowledge';
import { type RegistryAccessProps, registryAccessProblems } from '../registry-access';
import { throwIfInvalidProps } from '../shared/invalid-props';
import { migrationImage } from './task-image';
import { addMigrationTaskOutputs } from './task-outputs';
import { grantMigrationTask, sourceSecretFromArn } from './task-permissions';

/** Environment names become a task family and metric dimension: letters, digits and '-'. */
const SAFE_ENV_NAME = /^[a-z][a-z0-9-]*$/;
const PLATFORM_VERSION = ecs.FargatePlatformVersion.LATEST;

/** One egress rule to the source registry. */
export interface SourceRule {
  readonly cidr: string;
  readonly port: number;
}

/** The `node` user of the official Node.js image (uid:gid). */
export const MIGRATION_CONTAINER_USER = '1000:1000';
/** Task volumes and where they are mounted: tsx's compile cache, and relative outputs. */
export const MIGRATION_WRITABLE_PATHS: ReadonlyArray<readonly [string, string]> = [
  ['tmp', '/tmp'],
  ['work', '/work'],
];

export interface MigrationTaskProps extends Omit<RegistryAccessProps, 'memorySize'> {
  /** Environment name: the task family `sr-migrate-<env>` and `SR_MIGRATE_ENVIRONMENT` (the metrics' dimension). */
  readonly envName: string;
  /** The registry's cluster: the task runs beside the service (but is not part of it). */
  readonly cluster: ecs.ICluster;
  /** The data bucket: exports (`exports/`), migration state (`migrations/`), backups (`backups/`, read). */
  readonly bucket: s3.IBucket;
  /** Task size and the source registry's network and credentials. */
  readonly config: Pick<MigrationConfig, 'cpu' | 'memoryMiB' | 'sourceCidrs' | 'sourcePorts' | 'sourceSecretArn'>;
  /**
   * Customer managed key for the task's log group (its policy must let CloudWatch Logs use it).
   * @default undefined (CloudWatch Logs' own encryption)
   */
  readonly logEncryptionKey?: kms.IKey;
  /**
   * The container image.
   * @default built by `cdk deploy` from docker/sr-migrate/Dockerfile (context: the repository root)
   */
  readonly image?: ecs.ContainerImage;
}

/**
 * The on-demand migration task (docs/sr-migrate.md "Run it inside the VPC"): a Fargate task
 * definition in the registry's cluster whose container is the sr-migrate CLI. No service uses
 * it: nothing runs until `sr-migrate remote` starts it with a command. It reaches the registry
 * through its listener, HTTPS (AWS APIs) and, when configured, the source registry; its role
 * is scoped to the data bucket's prefixes, the two secrets and the migration metric namespace.
 * The stack outputs (lambda/contracts/migration-task.ts) tell the CLI how to start it.
 */
export class MigrationTask extends Construct {
  readonly taskDefinition: ecs.FargateTaskDefinition;
  readonly container: ecs.ContainerDefinition;
  readonly securityGroup: ec2.SecurityGroup;
  readonly logGroup: logs.LogGroup;
  /** Source networks and ports the task may reach besides HTTPS (443 is open to every address anyway). */
  readonly sourceRules: readonly SourceRule[];

  constructor(scope: Construct, id: string, props: MigrationTaskProps) {
    super(scope, id);
    const region = Stack.of(this).region;
    throwIfInvalidProps(this, 'MigrationTask', [
      ...registryAccessProblems(props),
      ...(SAFE_ENV_NAME.test(props.envName) ? [] : [`envName must be lowercase letters, digits and '-', got '${props.envName}'`]),
      ...migrationTaskProblems(props.config, Token.isUnresolved(region) ? undefined : region, 'config'),
    ]);
    const { config } = props;

    this.taskDefinition = new ecs.FargateTaskDefinition(this, 'TaskDefinition', {
      family: `sr-migrate-${props.envName}`,
      cpu: config.cpu,
      memoryLimitMiB: config.memoryMiB,
      runtimePlatform: { cpuArchitecture: ecs.CpuArchitecture.ARM64, operatingSystemFamily: ecs.OperatingSystemFamily.LINUX },
    });
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention,
      removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.DESTROY,
      encryptionKey: props.logEncryptionKey,
    });
    this.container = this.taskDefinition.addContainer('Cli', {
      containerName: MIGRATION_CONTAINER_NAME,
      image: props.image ?? migrationImage(),
      essential: true,
      environment: {
        [MIGRATION_ENV.stateDir]: `s3://${props.bucket.bucketName}/${MIGRATION_STATE_PREFIX}`,
        [MIGRATION_ENV.environment]: props.envName,
        AWS_REGION: Aws.REGION,
        // The engine holds a registry snapshot in memory: give the heap most of the task.
        NODE_OPTIONS: `--max-old-space-size=${Math.floor(config.memoryMiB * 0.75)}`,
      },
      // Blocking (the default) mode: a migration's log is its record, so no line may be dropped.
      logging: ecs.LogDrivers.awsLogs({ logGroup: this.logGroup, streamPrefix: MIGRATION_LOG_STREAM_PREFIX }),
      // An init process forwards StopTask's SIGTERM to the CLI (PID 1 would ignore it).
      linuxParameters: new ecs.LinuxParameters(this, 'LinuxParameters', { initProcessEnabled: true }),
      // The image's non-root user, a read-only root filesystem and a hard memory limit.
      user: MIGRATION_CONTAINER_USER,
      readonlyRootFilesystem: true,
      memoryLimitMiB: config.memoryMiB,
    });
    // The only writable paths (the image declares the same ones as VOLUMEs).
    for (const [name, containerPath] of MIGRATION_WRITABLE_PATHS) {
      this.taskDefinition.addVolume({ name });
      this.container.addMountPoints({ sourceVolume: name, containerPath, readOnly: false });
    }

    this.sourceRules = config.sourceCidrs.flatMap((cidr) =>
      config.sourcePorts.filter((port) => port !== 443).map((port) => ({ cidr, port })),
    );
    this.securityGroup = this.createSecurityGroup(props);

    const sourceSecret = config.sourceSecretArn ? sourceSecretFromArn(this, 'SourceSecret', config.sourceSecretArn) : undefined;
    grantMigrationTask({
      role: this.taskDefinition.taskRole,
      bucket: props.bucket,
      adminSecret: props.adminSecret,
      adminSecretKey: props.adminSecretKey,
      sourceSecret,
    });

    const subnets = props.vpc.selectSubnets(props.vpcSubnets ?? { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS });
    addMigrationTaskOutputs(this, {
      clusterArn: props.cluster.clusterArn,
      taskDefinitionArn: this.taskDefinition.taskDefinitionArn,
      containerName: MIGRATION_CONTAINER_NAME,
      subnetIds: subnets.subnetIds,
      securityGroupId: this.securityGroup.securityGroupId,
      platformVersion: PLATFORM_VERSION,
      logGroupName: this.logGroup.logGroupName,
      logStreamPrefix: MIGRATION_LOG_STREAM_PREFIX,
      adminSecretArn: props.adminSecret.secretArn,
      sourceSecretArn: config.sourceSecretArn,
      sourceAccess: this.sourceRules.map(({ cidr, port }) => `${cidr}:${port}`),
    });
    this.acknowledgeFindings();
  }

  private createSecurityGroup(props: MigrationTaskProps): ec2.SecurityGroup {
    const group = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: `sr-migrate task (${props.envName}): registry listener, HTTPS, configured source registry`,
      allowAllOutbound: false,
    });
    // AWS APIs (S3, Secrets Manager, CloudWatch, ECR) and a source registry served on 443.
    group.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'HTTPS to AWS APIs and a source registry on 443');
    for (const { cidr, port } of this.sourceRules) {
      group.addEgressRule(ec2.Peer.ipv4(cidr), ec2.Port.tcp(port), `Source registry ${cidr}:${port}`);
    }
    // Egress on ours to the listener port, ingress on the load balancer's group from ours.
    new ec2.Connections({ securityGroups: [group] }).allowToDefaultPort(props.registryListener, 'sr-migrate task to the registry');
    return group;
  }

  private acknowledgeFindings(): void {
    acknowledge(this.taskDefinition.obtainExecutionRole(), {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'ecr:GetAuthorizationToken (image pull login) supports no resource-level permissions; ' +
        'the execution role is otherwise scoped to the image repository and the task log group.',
    });
    acknowledge(this.taskDefinition, {
      id: 'AwsSolutions-ECS2',
      reason:
        'The environment holds only non-secret settings (the S3 state location, the environment name, the region, the Node heap size); ' +
        'the CLI reads credentials from Secrets Manager at run time by ARN.',
    });
  }
}
