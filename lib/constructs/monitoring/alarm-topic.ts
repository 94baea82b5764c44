import { Annotations, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { denyGrantsExceptForAwsServices } from '../shared/key-grant-policy';

export interface AlarmTopicProps {
  /** Alarm name prefix (e.g. `Prod-SchemaRegistry`); the topic policy lets only these alarms publish. */
  readonly namePrefix: string;

  /**
   * Email addresses to subscribe (each must confirm the subscription).
   * @default [] (no subscriptions)
   */
  readonly emails?: readonly string[];

  /**
   * Use this existing SNS topic instead of creating one. Its policies are then the topic
   * owner's job: CloudWatch and EventBridge must be allowed to publish (and to use its key).
   * @default undefined (create an encrypted topic)
   */
  readonly existingTopicArn?: string;
}

const CLOUDWATCH = new iam.ServicePrincipal('cloudwatch.amazonaws.com');
const EVENTBRIDGE = new iam.ServicePrincipal('events.amazonaws.com');
// What SNS asks KMS for when a service principal publishes to an encrypted topic.
const KEY_ACTIONS = ['kms:Decrypt', 'kms:GenerateDataKey*'];

/**
 * The topic every alarm (ALARM and OK) and every deployment-failure event goes to.
 *
 * Created topics are SSL-only and encrypted with a customer-managed key (rotation on). The
 * AWS-managed `alias/aws/sns` key would not work: its policy cannot be changed to let
 * CloudWatch use it, so alarms would silently fail to publish.
 */
export class AlarmTopic extends Construct {
  readonly topic: sns.ITopic;
  /** The topic's key; undefined when an existing topic is used. */
  readonly key?: kms.IKey;
  /** True when this construct created the topic and therefore controls its policies. */
  readonly ownsTopic: boolean;

  constructor(scope: Construct, id: string, props: AlarmTopicProps) {
    super(scope, id);
    if (props.existingTopicArn !== undefined) {
      this.topic = sns.Topic.fromTopicArn(this, 'Topic', props.existingTopicArn);
      this.ownsTopic = false;
      Annotations.of(this).addInfo(
        `Alarms publish to the existing topic ${props.existingTopicArn}: make sure its topic (and key) policy lets ` +
          'cloudwatch.amazonaws.com and events.amazonaws.com publish.',
      );
    } else {
      const key = this.createKey(props.namePrefix);
      const topic = new sns.Topic(this, 'Topic', {
        displayName: `${props.namePrefix} alarms`,
        enforceSSL: true,
        masterKey: key,
      });
      this.allowCloudWatchAlarms(topic, props.namePrefix);
      this.key = key;
      this.topic = topic;
      this.ownsTopic = true;
    }
    for (const email of props.emails ?? []) {
      this.topic.addSubscription(new subscriptions.EmailSubscription(email));
    }
  }

  /**
   * Lets `rule` publish to the topic (scoped to that rule's ARN). A no-op for an existing
   * topic, whose policy this stack cannot change.
   */
  allowEventRule(rule: events.IRule): void {
    this.topic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: `AllowEventBridgeRule${rule.node.id}`,
        principals: [EVENTBRIDGE],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: { ArnEquals: { 'aws:SourceArn': rule.ruleArn } },
      }),
    );
  }

  private createKey(namePrefix: string): kms.Key {
    const key = new kms.Key(this, 'Key', {
      description: `Encrypts the ${namePrefix} alarm topic`,
      enableKeyRotation: true,
      // Only in-flight notifications are encrypted with it, nothing at rest worth keeping.
      removalPolicy: RemovalPolicy.DESTROY,
      pendingWindow: Duration.days(7),
    });
    // AWS's documented key policy for alarms/events on an encrypted topic has no condition; one
    // that the services do not send would silently stop every notification, so none is added.
    key.addToResourcePolicy(
      new iam.PolicyStatement({ sid: 'AllowCloudWatchAlarmsToUseKey', principals: [CLOUDWATCH], actions: KEY_ACTIONS, resources: ['*'] }),
    );
    key.addToResourcePolicy(
      new iam.PolicyStatement({ sid: 'AllowEventBridgeToUseKey', principals: [EVENTBRIDGE], actions: KEY_ACTIONS, resources: ['*'] }),
    );
    denyGrantsExceptForAwsServices(key);
    return key;
  }

  private allowCloudWatchAlarms(topic: sns.Topic, namePrefix: string): void {
    const stack = Stack.of(this);
    topic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudWatchAlarms',
        principals: [CLOUDWATCH],
        actions: ['sns:Publish'],
        resources: [topic.topicArn],
        conditions: {
          ArnLike: { 'aws:SourceArn': `arn:${stack.partition}:cloudwatch:${stack.region}:${stack.account}:alarm:${namePrefix}-*` },
          StringEquals: { 'aws:SourceAccount': stack.account },
        },
      }),
    );
  }
}
