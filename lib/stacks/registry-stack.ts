import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import type * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { type EnvironmentConfig, MAX_TASK_COUNT, minTaskFloor } from '../config';
import { existingKafkaConnection } from '../constructs/kafka-access/existing-kafka';
import type { KafkaConnection } from '../constructs/kafka-access/kafka-connection';
import { RegistryDnsRecord } from '../constructs/registry-service/registry-dns-record';
import { RegistryLoadBalancer } from '../constructs/registry-service/registry-load-balancer';
import { RegistryService } from '../constructs/registry-service/registry-service';
import { RegistryTaskDefinition } from '../constructs/registry-service/registry-task-definition';
import { TaskCountParameters } from '../constructs/registry-service/task-count-parameters';
import { throwIfInvalidProps } from '../constructs/shared/invalid-props';
import { grantSecretKeyDecrypt } from '../constructs/shared/secret-key-grants';
import { removalPolicyOf } from '../constructs/shared/removal-policy';

export interface RegistryStackProps extends StackProps {
  readonly config: EnvironmentConfig;
  readonly vpc: ec2.IVpc;
  /** The Data stack's admin secret (encrypted with `environmentKey`). */
  readonly adminSecret: secretsmanager.ISecret;
  readonly accessLogsBucket: s3.IBucket;
  /** The created MSK cluster's connection; required when `kafka.mode` is `create`. */
  readonly createdKafka?: KafkaConnection;
  /** The environment key: it encrypts the container log group and the admin secret. */
  readonly environmentKey: kms.IKey;
}

/**
 * Stateless part: ECS cluster, Fargate service, internal load balancer, autoscaling, DNS. The
 * autoscaling bounds are the stack parameters `MinTasks` and `MaxTasks` (defaults from config).
 */
export class RegistryStack extends Stack {
  readonly vpc: ec2.IVpc;
  readonly cluster: ecs.Cluster;
  readonly service: ecs.FargateService;
  readonly loadBalancer: elbv2.ApplicationLoadBalancer;
  readonly listener: elbv2.ApplicationListener;
  readonly targetGroup: elbv2.ApplicationTargetGroup;
  readonly serviceSecurityGroup: ec2.SecurityGroup;
  readonly albSecurityGroup: ec2.SecurityGroup;
  /**
   * URL clients, the seeding and backup functions and the migration runner use: `https://<record>`
   * with a certificate (which requires `endpoint.dns`), `http://<record or load balancer name>` without.
   */
  readonly registryUrl: string;
  /** Lower autoscaling bound: the `MinTasks` parameter (alarms compare healthy hosts against it). */
  readonly minTaskCount: number;
  /** The `MinTasks` / `MaxTasks` stack parameters. */
  readonly taskCounts: TaskCountParameters;
  /**
   * The admin secret as this stack references it: without its key, so that reading it never puts
   * a role of this stack into the Data stack's key policy. Grant reading with `grantAdminSecretRead`
   * (registry-access), which adds the key permission to the reader's own policy.
   */
  readonly adminSecret: secretsmanager.ISecret;

  constructor(scope: Construct, id: string, props: RegistryStackProps) {
    super(scope, id, { ...props, terminationProtection: props.config.terminationProtection });
    const { config } = props;
    throwIfInvalidProps(
      this,
      'RegistryStack',
      config.kafka.mode === 'create' && !props.createdKafka
        ? ["createdKafka is required when config.kafka.mode is 'create' (pass the Data stack's mskCluster.connection())"]
        : [],
    );
    this.vpc = props.vpc;
    this.taskCounts = new TaskCountParameters(this, 'TaskCounts', {
      minTasks: config.service.minTasks,
      maxTasks: config.service.maxTasks,
      floor: minTaskFloor(config.name),
      limit: MAX_TASK_COUNT,
    });
    this.minTaskCount = this.taskCounts.minTasks;
    this.adminSecret = secretsmanager.Secret.fromSecretAttributes(this, 'AdminSecret', {
      secretCompleteArn: props.adminSecret.secretArn,
    });

    const kafka = this.kafkaConnection(props);
    const lb = new RegistryLoadBalancer(this, 'Alb', {
      vpc: props.vpc,
      vpcCidr: config.network.vpcCidr,
      endpoint: config.endpoint,
      accessLogsBucket: props.accessLogsBucket,
      accessLogsPrefix: `alb/${config.name}`,
    });
    const task = new RegistryTaskDefinition(this, 'Task', {
      service: config.service,
      registry: config.registry,
      store: config.kafka,
      kafka,
      adminSecret: this.adminSecret,
      vpcCidr: config.network.vpcCidr,
      logRemovalPolicy: removalPolicyOf(config.data),
      logEncryptionKey: props.environmentKey,
    });
    if (config.registry.basicAuth.enabled) {
      // The execution role injects the admin credentials: it decrypts them through Secrets Manager.
      grantSecretKeyDecrypt(task.taskDefinition.obtainExecutionRole(), this.adminSecret, props.environmentKey);
    }
    const registry = new RegistryService(this, 'Registry', {
      vpc: props.vpc,
      service: config.service,
      task,
      loadBalancer: lb,
      kafka,
      minTasks: this.taskCounts.minTasks,
      maxTasks: this.taskCounts.maxTasks,
    });

    this.cluster = registry.cluster;
    this.service = registry.service;
    this.targetGroup = registry.targetGroup;
    this.serviceSecurityGroup = registry.securityGroup;
    this.loadBalancer = lb.loadBalancer;
    this.listener = lb.listener;
    this.albSecurityGroup = lb.securityGroup;

    const host = config.endpoint.dns
      ? new RegistryDnsRecord(this, 'Dns', { dns: config.endpoint.dns, loadBalancer: lb.loadBalancer }).fqdn
      : lb.loadBalancer.loadBalancerDnsName;
    this.registryUrl = `${lb.protocol}://${host}`;

    new CfnOutput(this, 'RegistryUrl', { value: this.registryUrl, description: 'Schema Registry endpoint (inside the VPC)' });
  }

  private kafkaConnection(props: RegistryStackProps): KafkaConnection {
    const kafka = props.config.kafka;
    if (kafka.mode === 'existing') return existingKafkaConnection(this, kafka);
    return props.createdKafka!;
  }
}
