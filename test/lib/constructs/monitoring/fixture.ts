import { type CfnElement, Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { DEFAULT_MONITORING_CONFIG, type MonitoringConfig } from '../../../../lib/config/monitoring-config';
import { AlarmTopic } from '../../../../lib/constructs/monitoring/alarm-topic';
import type { AlarmContext } from '../../../../lib/constructs/monitoring/alarm-context';
import { RegistryMetrics } from '../../../../lib/constructs/monitoring/registry-metrics';
import { testApp } from '../../../helpers/app';

/**
 * A minimal stand-in for the registry stack (VPC, Container-Insights cluster, Fargate service
 * behind an internal ALB, seed and backup functions), so the monitoring code is tested
 * independently of the real registry stack.
 */
export interface RegistryFixture {
  readonly cluster: ecs.Cluster;
  readonly service: ecs.FargateService;
  readonly loadBalancer: elbv2.ApplicationLoadBalancer;
  readonly targetGroup: elbv2.ApplicationTargetGroup;
  readonly seedFunction: lambda.Function;
  /** Stands in for the seeding Provider's isComplete handler. */
  readonly seedCompletionFunction: lambda.Function;
  readonly backupFunction: lambda.Function;
}

export function buildRegistryFixture(scope: Construct): RegistryFixture {
  const vpc = new ec2.Vpc(scope, 'Vpc', { maxAzs: 2, natGateways: 0, restrictDefaultSecurityGroup: false });
  const cluster = new ecs.Cluster(scope, 'Cluster', { vpc, containerInsightsV2: ecs.ContainerInsights.ENHANCED });
  const taskDefinition = new ecs.FargateTaskDefinition(scope, 'TaskDef');
  taskDefinition.addContainer('registry', {
    image: ecs.ContainerImage.fromRegistry('confluentinc/cp-schema-registry:7.9.1'),
    portMappings: [{ containerPort: 8081 }],
  });
  const service = new ecs.FargateService(scope, 'Service', {
    cluster,
    taskDefinition,
    desiredCount: 2,
    minHealthyPercent: 100,
    circuitBreaker: { enable: true, rollback: true },
  });
  const loadBalancer = new elbv2.ApplicationLoadBalancer(scope, 'Alb', { vpc, internetFacing: false });
  const listener = loadBalancer.addListener('Http', { port: 80, open: false });
  const targetGroup = listener.addTargets('Registry', {
    port: 8081,
    protocol: elbv2.ApplicationProtocol.HTTP,
    targets: [service],
  });
  const fn = (id: string) =>
    new lambda.Function(scope, id, {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => ({});'),
    });
  return {
    cluster,
    service,
    loadBalancer,
    targetGroup,
    seedFunction: fn('SeedFn'),
    seedCompletionFunction: fn('SeedCompleteFn'),
    backupFunction: fn('BackupFn'),
  };
}

/** Everything a single alarm-family construct needs, built in one stack. */
export interface FamilyFixture extends RegistryFixture {
  readonly stack: Stack;
  readonly context: AlarmContext;
  readonly metrics: RegistryMetrics;
  readonly config: MonitoringConfig;
  /** Logical id of the alarm topic, for `{ Ref }` assertions. */
  readonly topicLogicalId: string;
}

export function familyFixture(config: MonitoringConfig = DEFAULT_MONITORING_CONFIG.prod): FamilyFixture {
  const stack = new Stack(testApp(), 'Test', { env: { region: 'eu-west-1' } });
  const registry = buildRegistryFixture(stack);
  const alarmTopic = new AlarmTopic(stack, 'AlarmTopic', { namePrefix: 'Prod-SchemaRegistry' });
  const metrics = new RegistryMetrics({ ...registry, period: Duration.minutes(config.periodMinutes) });
  const topicLogicalId = stack.getLogicalId(alarmTopic.topic.node.defaultChild as CfnElement);
  return { ...registry, stack, context: { namePrefix: 'Prod-SchemaRegistry', topic: alarmTopic.topic }, metrics, config, topicLogicalId };
}

/** The Properties of the one alarm named `alarmName` (fails the test when absent). */
export function alarmNamed(template: Template, alarmName: string): Record<string, any> {
  const matches = Object.values(template.findResources('AWS::CloudWatch::Alarm')).filter(
    (resource) => resource.Properties.AlarmName === alarmName,
  );
  if (matches.length !== 1) {
    const names = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((r) => r.Properties.AlarmName);
    throw new Error(`expected exactly one alarm named ${alarmName}, found ${matches.length} (alarms: ${names.join(', ')})`);
  }
  return matches[0].Properties;
}

/** Asserts the alarm notifies the topic on both ALARM and OK. */
export function expectActionsOnTopic(alarm: Record<string, any>, topicLogicalId: string): void {
  expect(alarm.ActionsEnabled).toBe(true);
  expect(alarm.AlarmActions).toEqual([{ Ref: topicLogicalId }]);
  expect(alarm.OKActions).toEqual([{ Ref: topicLogicalId }]);
}
