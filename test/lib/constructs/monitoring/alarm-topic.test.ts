import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as events from 'aws-cdk-lib/aws-events';
import { AlarmTopic } from '../../../../lib/constructs/monitoring/alarm-topic';
import { testApp } from '../../../helpers/app';

function topicStack(props: ConstructorParameters<typeof AlarmTopic>[2]) {
  const stack = new Stack(testApp(), 'Test', { env: { account: '111111111111', region: 'eu-west-1' } });
  const alarmTopic = new AlarmTopic(stack, 'AlarmTopic', props);
  return { stack, alarmTopic };
}

/** The statements of the only resource of `type` carrying a policy document under `key`. */
function statements(template: Template, type: string, key: string): any[] {
  const resources = Object.values(template.findResources(type));
  expect(resources).toHaveLength(1);
  return resources[0].Properties[key].Statement;
}

describe('AlarmTopic (created)', () => {
  const { stack, alarmTopic } = topicStack({ namePrefix: 'Prod-SchemaRegistry', emails: ['oncall@example.com', 'team@example.com'] });
  const rule = new events.Rule(stack, 'SomeRule', { eventPattern: { source: ['aws.ecs'] } });
  alarmTopic.allowEventRule(rule);
  const template = Template.fromStack(stack);
  const keyId = stack.getLogicalId((alarmTopic.key as any).node.defaultChild);
  const topicId = stack.getLogicalId((alarmTopic.topic as any).node.defaultChild);

  test('is encrypted with a customer-managed key that rotates', () => {
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } });
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    expect(alarmTopic.ownsTopic).toBe(true);
  });

  test('key policy lets CloudWatch and EventBridge use the key for SNS (Decrypt, GenerateDataKey*)', () => {
    const keyStatements = statements(template, 'AWS::KMS::Key', 'KeyPolicy');
    for (const [sid, service] of [
      ['AllowCloudWatchAlarmsToUseKey', 'cloudwatch.amazonaws.com'],
      ['AllowEventBridgeToUseKey', 'events.amazonaws.com'],
    ]) {
      expect(keyStatements).toContainEqual({
        Sid: sid,
        Effect: 'Allow',
        Principal: { Service: service },
        Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        Resource: '*',
      });
    }
  });

  test('topic policy denies non-TLS publishing (SNS3)', () => {
    const topicStatements = statements(template, 'AWS::SNS::TopicPolicy', 'PolicyDocument');
    expect(topicStatements).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
  });

  test("topic policy lets only this environment's CloudWatch alarms in this account publish", () => {
    const topicStatements = statements(template, 'AWS::SNS::TopicPolicy', 'PolicyDocument');
    expect(topicStatements).toContainEqual({
      Sid: 'AllowCloudWatchAlarms',
      Effect: 'Allow',
      Principal: { Service: 'cloudwatch.amazonaws.com' },
      Action: 'sns:Publish',
      Resource: { Ref: topicId },
      Condition: {
        ArnLike: { 'aws:SourceArn': 'arn:aws:cloudwatch:eu-west-1:111111111111:alarm:Prod-SchemaRegistry-*' },
        StringEquals: { 'aws:SourceAccount': '111111111111' },
      },
    });
  });

  test('allowEventRule lets exactly that rule publish', () => {
    const topicStatements = statements(template, 'AWS::SNS::TopicPolicy', 'PolicyDocument');
    const ruleId = stack.getLogicalId(rule.node.defaultChild as never);
    expect(topicStatements).toContainEqual({
      Sid: 'AllowEventBridgeRuleSomeRule',
      Effect: 'Allow',
      Principal: { Service: 'events.amazonaws.com' },
      Action: 'sns:Publish',
      Resource: { Ref: topicId },
      Condition: { ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': [ruleId, 'Arn'] } } },
    });
    // No unconditioned grant to EventBridge sneaks in (as aws-events-targets.SnsTopic would add).
    const unscoped = topicStatements.filter((s: any) => s.Principal?.Service === 'events.amazonaws.com' && !s.Condition);
    expect(unscoped).toEqual([]);
  });

  test('subscribes every configured email', () => {
    template.resourceCountIs('AWS::SNS::Subscription', 2);
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'oncall@example.com',
      TopicArn: { Ref: topicId },
    });
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'team@example.com' });
  });
});

describe('AlarmTopic (existing topic ARN)', () => {
  const arn = 'arn:aws:sns:eu-west-1:222222222222:platform-alarms';
  const { stack, alarmTopic } = topicStack({ namePrefix: 'Prod-SchemaRegistry', existingTopicArn: arn });
  alarmTopic.allowEventRule(new events.Rule(stack, 'SomeRule', { eventPattern: { source: ['aws.ecs'] } }));
  const template = Template.fromStack(stack);

  test('creates no topic, key, policy or subscription and publishes to the given ARN', () => {
    template.resourceCountIs('AWS::SNS::Topic', 0);
    template.resourceCountIs('AWS::KMS::Key', 0);
    template.resourceCountIs('AWS::SNS::TopicPolicy', 0);
    template.resourceCountIs('AWS::SNS::Subscription', 0);
    expect(alarmTopic.topic.topicArn).toBe(arn);
    expect(alarmTopic.ownsTopic).toBe(false);
    expect(alarmTopic.key).toBeUndefined();
  });

  test('tells the operator the policies are theirs to set', () => {
    const infos = stack.node
      .findAll()
      .flatMap((c) => c.node.metadata)
      .filter((m) => m.type === 'aws:cdk:info');
    expect(infos.map((m) => String(m.data))).toEqual([
      expect.stringMatching(/cloudwatch\.amazonaws\.com and events\.amazonaws\.com publish/),
    ]);
  });
});

describe('AlarmTopic without emails', () => {
  test('names the environment in the display name and subscribes nobody', () => {
    const { stack } = topicStack({ namePrefix: 'Dev-SchemaRegistry' });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::SNS::Topic', { DisplayName: 'Dev-SchemaRegistry alarms', KmsMasterKeyId: Match.anyValue() });
    template.resourceCountIs('AWS::SNS::Subscription', 0);
  });
});
