import { Annotations, Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { Platform } from 'aws-cdk-lib/aws-ecr-assets';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import * as path from 'path';
import type { KafkaStoreConfig, RegistryConfig, ServiceConfig } from '../../config';
import { acknowledge } from '../../nag/acknowledge';
import { grantKafkaClient } from '../kafka-access/kafka-client-permissions';
import type { KafkaConnection } from '../kafka-access/kafka-connection';
import { throwIfInvalidProps } from '../shared/invalid-props';
import { retentionDays } from '../shared/retention';
import { addWritableVolumes } from './container-filesystem';
import { containerEnvironment } from './container-environment';
import { HEALTH_PATH, IMAGE_BUILD_ARGS, REGISTRY_PORT, RUN_AS_USER, SECRET_ENV } from './env-contract';
import { grantKafkaSecretKeys, kafkaSecrets } from './kafka-credentials';

/** docker/schema-registry, resolved from this file so synth works from any working directory. */
const IMAGE_DIRECTORY = path.join(__dirname, '..', '..', '..', 'docker', 'schema-registry');

export interface RegistryTaskDefinitionProps {
  readonly service: ServiceConfig;
  readonly registry: RegistryConfig;
  readonly store: KafkaStoreConfig;
  readonly kafka: KafkaConnection;
  /** Basic-auth admin credentials, JSON `{"username","password"}`. */
  readonly adminSecret: secretsmanager.ISecret;
  /** VPC CIDR (narrows the reader-group IAM pattern). */
  readonly vpcCidr: string;
  /** What happens to the container log group when the stack is deleted. */
  readonly logRemovalPolicy: RemovalPolicy;
  /**
   * Key the container log group is encrypted with (the environment key).
   * @default undefined (CloudWatch Logs' own encryption)
   */
  readonly logEncryptionKey?: kms.IKey;
}

/**
 * ARM64 Fargate task running the image built from docker/schema-registry as its non-root user, on
 * a read-only root filesystem (writable volumes only where the image writes), with a container
 * memory limit. Non-secret settings go in `environment`; credentials only through `secrets`, which
 * the execution role may read (and decrypt, for customer managed keys) and nothing else.
 */
export class RegistryTaskDefinition extends Construct {
  readonly taskDefinition: ecs.FargateTaskDefinition;
  readonly container: ecs.ContainerDefinition;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: RegistryTaskDefinitionProps) {
    super(scope, id);
    const { service, registry, kafka } = props;
    throwIfInvalidProps(this, 'RegistryTaskDefinition', kafkaPropProblems(kafka));

    this.taskDefinition = new ecs.FargateTaskDefinition(this, 'TaskDefinition', {
      cpu: service.cpu,
      memoryLimitMiB: service.memoryMiB,
      runtimePlatform: {
        cpuArchitecture: ecs.CpuArchitecture.ARM64,
        operatingSystemFamily: ecs.OperatingSystemFamily.LINUX,
      },
    });

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: retentionDays(service.logRetentionDays),
      encryptionKey: props.logEncryptionKey,
      removalPolicy: props.logRemovalPolicy,
    });

    const secrets: Record<string, ecs.Secret> = {};
    if (registry.basicAuth.enabled) {
      secrets[SECRET_ENV.adminUsername] = ecs.Secret.fromSecretsManager(props.adminSecret, 'username');
      secrets[SECRET_ENV.adminPassword] = ecs.Secret.fromSecretsManager(props.adminSecret, 'password');
    }
    Object.assign(secrets, kafkaSecrets(kafka));

    this.container = this.taskDefinition.addContainer('SchemaRegistry', {
      image: ecs.ContainerImage.fromAsset(IMAGE_DIRECTORY, {
        platform: Platform.LINUX_ARM64,
        buildArgs: imageBuildArgs(registry),
      }),
      essential: true,
      // The image's appuser, numerically, so ECS and Control Tower (CT.ECS.PR.3) see a non-root user.
      user: RUN_AS_USER,
      // ECS Exec needs a writable root (its agent writes there), so only then it stays writable.
      readonlyRootFilesystem: !service.enableExecuteCommand,
      // Hard limit = task memory: the container may use all of it, and never more (CT.ECS.PR.7).
      memoryLimitMiB: service.memoryMiB,
      environment: containerEnvironment({ registry, kafka, store: props.store, memoryMiB: service.memoryMiB }),
      secrets,
      portMappings: [{ containerPort: REGISTRY_PORT, protocol: ecs.Protocol.TCP, name: 'http' }],
      logging: ecs.LogDrivers.awsLogs({
        logGroup: this.logGroup,
        streamPrefix: 'schema-registry',
        mode: ecs.AwsLogDriverMode.NON_BLOCKING,
      }),
      healthCheck: {
        command: ['CMD-SHELL', `curl -fsS -o /dev/null http://localhost:${REGISTRY_PORT}${HEALTH_PATH} || exit 1`],
        interval: Duration.seconds(15),
        timeout: Duration.seconds(5),
        retries: 4,
        startPeriod: Duration.seconds(90),
      },
      stopTimeout: Duration.seconds(30),
    });

    addWritableVolumes(this.taskDefinition, this.container);

    if (registry.mskIamAuthSha256 === undefined) {
      // Synth stays offline-friendly; the image build (cdk deploy) is what stops without it.
      Annotations.of(this).addWarningV2(
        'schema-registry:mskIamAuthSha256Unset',
        `registry.mskIamAuthSha256 is not set: cdk deploy will fail to build the image until it is. ` +
          `Download aws-msk-iam-auth-${registry.mskIamAuthVersion}-all.jar from the project's GitHub release, run sha256sum on it, ` +
          `and set the value in lib/config/environments.ts (or -c <env>.registry.mskIamAuthSha256=<hex>).`,
      );
    }

    grantKafkaClient(this.taskDefinition.taskRole, { connection: kafka, store: props.store, vpcCidr: props.vpcCidr });

    grantKafkaSecretKeys(this.taskDefinition.obtainExecutionRole(), kafka);
    acknowledge(this.taskDefinition.obtainExecutionRole(), {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'ecr:GetAuthorizationToken (image pull login) supports no resource-level permissions; ' +
        'the execution role is otherwise scoped to the image repository, its own log group, the secrets this task injects and, through Secrets Manager only, the customer managed keys of those secrets.',
    });
    acknowledge(this.taskDefinition, {
      id: 'AwsSolutions-ECS2',
      reason:
        'The environment holds only non-secret settings (Kafka bootstrap servers, topic, group id, listeners, heap, auth mode); ' +
        'every credential is injected through task-definition secrets from Secrets Manager, which tests assert.',
    });
  }
}

/** Connection settings the config validation guarantees; checked again for direct construct use. */
function kafkaPropProblems(kafka: KafkaConnection): string[] {
  const problems: string[] = [];
  if (kafka.authMode === 'scram' && !kafka.scramSecret) {
    problems.push("kafka.scramSecret is required with authMode 'scram' (the secret behind kafka.scramSecretArn in the config)");
  }
  if (kafka.authMode === 'scram' && !kafka.scramSecretKeyArn) {
    problems.push(
      "kafka.scramSecretKeyArn is required with authMode 'scram' (MSK only accepts SCRAM secrets encrypted with a customer managed KMS key; kafka.scramSecretKmsKeyArn in the config)",
    );
  }
  if (kafka.tls && kafka.authMode !== 'tls' && kafka.authMode !== 'scram') {
    problems.push(`kafka.tls is only used with authMode 'tls' or 'scram', not '${kafka.authMode}'`);
  }
  if (kafka.tls?.clientCertificate && kafka.authMode !== 'tls') {
    problems.push("kafka.tls.clientCertificate is only used with authMode 'tls' (mutual TLS)");
  }
  return problems;
}

/** Docker build args from config; the jar checksum is passed only when configured. */
function imageBuildArgs(registry: RegistryConfig): Record<string, string> {
  const args: Record<string, string> = {
    [IMAGE_BUILD_ARGS.cpVersion]: registry.confluentVersion,
    [IMAGE_BUILD_ARGS.mskIamAuthVersion]: registry.mskIamAuthVersion,
  };
  if (registry.mskIamAuthSha256 !== undefined) args[IMAGE_BUILD_ARGS.mskIamAuthSha256] = registry.mskIamAuthSha256;
  return args;
}
