import { Duration } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { Construct } from 'constructs';
import type { ServiceConfig } from '../../config';
import { acknowledge } from '../../nag/acknowledge';
import type { KafkaConnection } from '../kafka-access/kafka-connection';
import { HEALTH_PATH, REGISTRY_PORT } from './env-contract';
import type { RegistryLoadBalancer } from './registry-load-balancer';
import type { RegistryTaskDefinition } from './registry-task-definition';

export interface RegistryServiceProps {
  readonly vpc: ec2.IVpc;
  readonly service: ServiceConfig;
  readonly task: RegistryTaskDefinition;
  readonly loadBalancer: RegistryLoadBalancer;
  readonly kafka: KafkaConnection;
  /** Autoscaling lower bound (a number or the `MinTasks` parameter's token). */
  readonly minTasks: number;
  /** Autoscaling upper bound (a number or the `MaxTasks` parameter's token). */
  readonly maxTasks: number;
}

/**
 * ECS cluster and Fargate service running the registry behind the load balancer, with the
 * network rules a multi-node registry needs: 8081 from the load balancer and from the other
 * tasks (followers forward writes to the leader), egress only to Kafka and to HTTPS endpoints.
 * Autoscaling owns the running count: the service has no desired count in the template, so a
 * deploy never resets it (ECS starts a new service with one task and autoscaling raises it to
 * the minimum at once).
 */
export class RegistryService extends Construct {
  readonly cluster: ecs.Cluster;
  readonly service: ecs.FargateService;
  readonly securityGroup: ec2.SecurityGroup;
  readonly targetGroup: elbv2.ApplicationTargetGroup;

  constructor(scope: Construct, id: string, props: RegistryServiceProps) {
    super(scope, id);
    const { service: cfg, vpc } = props;

    this.cluster = new ecs.Cluster(this, 'Cluster', {
      vpc,
      containerInsightsV2: cfg.containerInsights === 'enhanced' ? ecs.ContainerInsights.ENHANCED : ecs.ContainerInsights.ENABLED,
      enableFargateCapacityProviders: true,
    });

    this.securityGroup = new ec2.SecurityGroup(this, 'TaskSecurityGroup', {
      vpc,
      description: 'Schema Registry tasks: 8081 from the load balancer and from each other',
      allowAllOutbound: false,
    });
    this.addNetworkRules(props);

    this.service = new ecs.FargateService(this, 'Service', {
      cluster: this.cluster,
      taskDefinition: props.task.taskDefinition,
      minHealthyPercent: 100,
      maxHealthyPercent: 200,
      circuitBreaker: { enable: true, rollback: true },
      assignPublicIp: false,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      securityGroups: [this.securityGroup],
      enableExecuteCommand: cfg.enableExecuteCommand,
      healthCheckGracePeriod: Duration.seconds(cfg.healthCheckGracePeriodSeconds),
      capacityProviderStrategies: capacityProviders(cfg.useSpot),
      propagateTags: ecs.PropagatedTagSource.SERVICE,
    });

    this.targetGroup = props.loadBalancer.listener.addTargets('Registry', {
      port: REGISTRY_PORT,
      protocol: elbv2.ApplicationProtocol.HTTP,
      targets: [this.service.loadBalancerTarget({ containerName: props.task.container.containerName, containerPort: REGISTRY_PORT })],
      deregistrationDelay: Duration.seconds(30),
      healthCheck: {
        path: HEALTH_PATH,
        port: String(REGISTRY_PORT),
        protocol: elbv2.Protocol.HTTP,
        healthyHttpCodes: '200',
        interval: Duration.seconds(15),
        timeout: Duration.seconds(5),
        healthyThresholdCount: 2,
        unhealthyThresholdCount: 3,
      },
    });

    const scaling = this.service.autoScaleTaskCount({ minCapacity: props.minTasks, maxCapacity: props.maxTasks });
    scaling.scaleOnCpuUtilization('Cpu', {
      targetUtilizationPercent: cfg.cpuTargetPercent,
      scaleInCooldown: Duration.minutes(5),
      scaleOutCooldown: Duration.minutes(1),
    });
    scaling.scaleOnRequestCount('Requests', {
      requestsPerTarget: cfg.requestsPerTarget,
      targetGroup: this.targetGroup,
      scaleInCooldown: Duration.minutes(5),
      scaleOutCooldown: Duration.minutes(1),
    });

    if (cfg.enableExecuteCommand) this.acknowledgeExecuteCommand(props.task);
  }

  private addNetworkRules(props: RegistryServiceProps): void {
    const tasks = this.securityGroup;
    const port = ec2.Port.tcp(REGISTRY_PORT);
    // Load balancer -> tasks (adds the matching egress rule on the load balancer's group).
    tasks.connections.allowFrom(props.loadBalancer.securityGroup, port, 'Load balancer to registry');
    // Follower -> leader write forwarding at the leader's advertised host.name (its task IP).
    tasks.connections.allowInternally(port, 'Registry nodes forward writes to the leader');
    // ECR, CloudWatch Logs, Secrets Manager and (for MSK IAM) signing happen over HTTPS.
    tasks.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'HTTPS to AWS APIs and ECR');
    const kafka = props.kafka;
    for (const brokerPort of kafka.brokerPorts) {
      if (kafka.brokerSecurityGroup) {
        tasks.connections.allowTo(kafka.brokerSecurityGroup, ec2.Port.tcp(brokerPort), 'Registry to Kafka brokers');
      } else {
        for (const cidr of kafka.brokerCidrs ?? ['0.0.0.0/0']) {
          tasks.addEgressRule(ec2.Peer.ipv4(cidr), ec2.Port.tcp(brokerPort), 'Registry to Kafka brokers');
        }
      }
    }
  }

  /** ECS Exec: the SSM channel actions have no resource-level permissions. */
  private acknowledgeExecuteCommand(task: RegistryTaskDefinition): void {
    acknowledge(task.taskDefinition.taskRole, {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'ECS Exec (enabled per environment in config) needs ssmmessages:CreateControlChannel/CreateDataChannel/OpenControlChannel/OpenDataChannel, ' +
        'which support no resource-level permissions, so the resource must be *.',
    });
  }
}

/**
 * Capacity-provider strategy from day one (switching from launchType later replaces the service).
 * Spot: one on-demand task as base, the rest 2:1 on Spot.
 */
function capacityProviders(useSpot: boolean): ecs.CapacityProviderStrategy[] {
  return useSpot
    ? [
        { capacityProvider: 'FARGATE', base: 1, weight: 1 },
        { capacityProvider: 'FARGATE_SPOT', weight: 2 },
      ]
    : [{ capacityProvider: 'FARGATE', weight: 1 }];
}
