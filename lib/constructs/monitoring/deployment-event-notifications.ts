import type * as ecs from 'aws-cdk-lib/aws-ecs';
import * as events from 'aws-cdk-lib/aws-events';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import type { AlarmTopic } from './alarm-topic';

export interface DeploymentEventNotificationsProps {
  /** Prefix used in rule descriptions and messages, e.g. `Prod-SchemaRegistry`. */
  readonly namePrefix: string;
  /** Only this service's deployment events are forwarded. */
  readonly service: ecs.IBaseService;
  readonly alarmTopic: AlarmTopic;
}

/** The reason ECS gives the rollback deployment it starts after the circuit breaker trips. */
export const ROLLBACK_REASON_PREFIX = 'ECS deployment circuit breaker: rolling back';

/**
 * Forwards the service's failed deployments and circuit-breaker rollbacks to the alarm topic.
 * These are events, not metrics, so they arrive as one message each instead of an alarm state:
 * - `SERVICE_DEPLOYMENT_FAILED` (sent when the circuit breaker marks a deployment failed);
 * - `SERVICE_DEPLOYMENT_IN_PROGRESS` whose reason starts with {@link ROLLBACK_REASON_PREFIX}
 *   (ECS's rollback to the last completed deployment).
 */
export class DeploymentEventNotifications extends Construct {
  readonly failedRule: events.Rule;
  readonly rollbackRule: events.Rule;

  constructor(scope: Construct, id: string, props: DeploymentEventNotificationsProps) {
    super(scope, id);
    const serviceArn = props.service.serviceArn;
    this.failedRule = new events.Rule(this, 'Failed', {
      description: `${props.namePrefix}: ECS deployment failed`,
      eventPattern: {
        source: ['aws.ecs'],
        detailType: ['ECS Deployment State Change'],
        resources: [serviceArn],
        detail: { eventName: ['SERVICE_DEPLOYMENT_FAILED'] },
      },
    });
    this.rollbackRule = new events.Rule(this, 'Rollback', {
      description: `${props.namePrefix}: ECS circuit breaker rolled a deployment back`,
      eventPattern: {
        source: ['aws.ecs'],
        detailType: ['ECS Deployment State Change'],
        resources: [serviceArn],
        detail: { eventName: ['SERVICE_DEPLOYMENT_IN_PROGRESS'], reason: [{ prefix: ROLLBACK_REASON_PREFIX }] },
      },
    });
    for (const rule of [this.failedRule, this.rollbackRule]) {
      rule.addTarget(new TopicTarget(props.alarmTopic.topic, deploymentMessage(props.namePrefix)));
      props.alarmTopic.allowEventRule(rule);
    }
  }
}

/** A readable notification instead of the raw event JSON. */
function deploymentMessage(namePrefix: string): events.RuleTargetInput {
  return events.RuleTargetInput.fromText(
    `${namePrefix}: ECS ${events.EventField.fromPath('$.detail.eventName')} for ` +
      `${events.EventField.fromPath('$.resources[0]')} (deployment ${events.EventField.fromPath('$.detail.deploymentId')}): ` +
      `${events.EventField.fromPath('$.detail.reason')}. First check: the service's events and stopped tasks in the ECS console.`,
  );
}

/**
 * Publishes to the topic without touching its policy. `aws-events-targets.SnsTopic` would add
 * an unconditioned `events.amazonaws.com` grant; {@link AlarmTopic.allowEventRule} adds one
 * scoped to the rule's ARN instead. No `targetResource`: with account-agnostic stacks and an
 * existing topic ARN, CDK's cross-environment check would warn (or try to build event-bus
 * forwarding) although the rule simply targets the topic ARN.
 */
class TopicTarget implements events.IRuleTarget {
  constructor(
    private readonly topic: sns.ITopic,
    private readonly input: events.RuleTargetInput,
  ) {}

  bind(): events.RuleTargetConfig {
    return { arn: this.topic.topicArn, input: this.input };
  }
}
