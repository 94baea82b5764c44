import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import type { RegistryAccessProps } from '../../../../lib/constructs/registry-access';
import { testApp } from '../../../helpers/app';

/** What the registry stack and data stack hand to the registry-access constructs (seeding, backups). */
export interface RegistryFixture {
  readonly stack: Stack;
  readonly vpc: ec2.Vpc;
  readonly listener: elbv2.ApplicationListener;
  readonly albSecurityGroup: ec2.SecurityGroup;
  readonly service: ecs.FargateService;
  readonly adminSecret: secretsmanager.Secret;
  readonly bucket: s3.Bucket;
  readonly registryUrl: string;
}

/** A minimal stand-in for H1's network, data and registry stacks, in one stack. */
export function registryFixture(id = 'Fixture'): RegistryFixture {
  const app = testApp();
  const stack = new Stack(app, id, { env: { account: '111111111111', region: 'eu-west-1' } });
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
  const albSecurityGroup = new ec2.SecurityGroup(stack, 'AlbSg', { vpc, allowAllOutbound: false });
  const alb = new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc, internetFacing: false, securityGroup: albSecurityGroup });
  const listener = alb.addListener('Http', { port: 8081, protocol: elbv2.ApplicationProtocol.HTTP, open: false });
  const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
  const task = new ecs.FargateTaskDefinition(stack, 'Task');
  task.addContainer('registry', {
    image: ecs.ContainerImage.fromRegistry('confluentinc/cp-schema-registry:8.0.4'),
    portMappings: [{ containerPort: 8081 }],
  });
  const service = new ecs.FargateService(stack, 'Service', {
    cluster,
    taskDefinition: task,
    minHealthyPercent: 100,
    circuitBreaker: { rollback: true },
  });
  listener.addTargets('Registry', { port: 8081, protocol: elbv2.ApplicationProtocol.HTTP, targets: [service] });
  const adminSecret = new secretsmanager.Secret(stack, 'AdminSecret');
  const bucket = new s3.Bucket(stack, 'DataBucket', { versioned: true, enforceSSL: true, removalPolicy: RemovalPolicy.DESTROY });
  return { stack, vpc, listener, albSecurityGroup, service, adminSecret, bucket, registryUrl: `http://${alb.loadBalancerDnsName}:8081` };
}

/** The shared props of every registry-access Lambda, as the stage builds them, from a fixture. */
export function registryAccessOf(fx: RegistryFixture, logRetention = logs.RetentionDays.ONE_MONTH): RegistryAccessProps {
  return { registryUrl: fx.registryUrl, registryListener: fx.listener, adminSecret: fx.adminSecret, vpc: fx.vpc, logRetention };
}

/** cdk-nag AwsSolutions findings in `scope` (acknowledged ones excluded), as "rule path" lines. */
export function nagFindings(scope: IConstruct): string[] {
  const report = new AwsSolutionsChecks().validateScope(scope);
  return report.violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} ${r.constructPath ?? r.resourceLogicalId ?? ''}`));
}
