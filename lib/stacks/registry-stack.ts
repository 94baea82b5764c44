import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import type * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config';
import { existingKafkaConnection } from '../constructs/kafka-access/existing-kafka';
import type { KafkaConnection } from '../constructs/kafka-access/kafka-connection';
import { RegistryDnsRecord } from '../constructs/registry-service/registry-dns-record';
import { RegistryLoadBalancer } from '../constructs/registry-service/registry-load-balancer';
import { RegistryService } from '../constructs/registry-service/registry-service';
import { RegistryTaskDefinition } from '../constructs/registry-service/registry-task-definition';
import { throwIfInvalidProps } from '../constructs/shared/invalid-props';
import { removalPolicyOf } from '../constructs/shared/removal-policy';

export interface RegistryStackProps extends StackProps {
  readonly config: EnvironmentConfig;
  readonly vpc: ec2.IVpc;
  readonly adminSecret: secretsmanager.ISecret;
  readonly accessLogsBucket: s3.IBucket;
  /** The created MSK cluster's connection; required when `kafka.mode` is `create`. */
  readonly createdKafka?: KafkaConnection;
}

/** Stateless part: ECS cluster, Fargate service, internal load balancer, autoscaling, DNS. */
export class RegistryStack extends Stack {
  readonly vpc: ec2.IVpc;
  readonly cluster: ecs.Cluster;
  readonly service: ecs.FargateService;
  readonly loadBalancer: elbv2.ApplicationLoadBalancer;
  readonly listener: elbv2.ApplicationListener;
  readonly targetGroup: elbv2.ApplicationTargetGroup;
  readonly serviceSecurityGroup: ec2.SecurityGroup;
  readonly albSecurityGroup: ec2.SecurityGroup;
  /** URL clients use: `https://<record>` with DNS and a certificate, else the load balancer's name. */
  readonly registryUrl: string;
  /** Lower autoscaling bound (alarms compare healthy hosts against it). */
  readonly minTaskCount: number;

  constructor(scope: Construct, id: string, props: RegistryStackProps) {
    super(scope, id, props);
    const { config } = props;
    throwIfInvalidProps(
      this,
      'RegistryStack',
      config.kafka.mode === 'create' && !props.createdKafka
        ? ["createdKafka is required when config.kafka.mode is 'create' (pass the Data stack's mskCluster.connection())"]
        : [],
    );
    this.vpc = props.vpc;
    this.minTaskCount = config.service.minTasks;

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
      adminSecret: props.adminSecret,
      vpcCidr: config.network.vpcCidr,
      logRemovalPolicy: removalPolicyOf(config.data),
    });
    const registry = new RegistryService(this, 'Registry', {
      vpc: props.vpc,
      service: config.service,
      task,
      loadBalancer: lb,
      kafka,
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
