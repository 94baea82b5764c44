import { Template } from 'aws-cdk-lib/assertions';
import { AlarmTopic } from '../../../../lib/constructs/monitoring/alarm-topic';
import { DeploymentEventNotifications, ROLLBACK_REASON_PREFIX } from '../../../../lib/constructs/monitoring/deployment-event-notifications';
import { familyFixture } from './fixture';

describe('DeploymentEventNotifications', () => {
  const fixture = familyFixture();
  const alarmTopic = new AlarmTopic(fixture.stack, 'DeployTopic', { namePrefix: 'Prod-SchemaRegistry' });
  const notifications = new DeploymentEventNotifications(fixture.stack, 'DeploymentEvents', {
    namePrefix: 'Prod-SchemaRegistry',
    service: fixture.service,
    alarmTopic,
  });
  const template = Template.fromStack(fixture.stack);
  const rules = template.findResources('AWS::Events::Rule');
  const stack = fixture.stack;
  const serviceRef = { Ref: stack.getLogicalId(fixture.service.node.defaultChild as never) };
  const topicRef = { Ref: stack.getLogicalId((alarmTopic.topic as any).node.defaultChild) };
  const rule = (r: { node: { defaultChild?: unknown } }) => rules[stack.getLogicalId(r.node.defaultChild as never)].Properties;

  test('forwards SERVICE_DEPLOYMENT_FAILED of this service only', () => {
    expect(rule(notifications.failedRule).EventPattern).toEqual({
      source: ['aws.ecs'],
      'detail-type': ['ECS Deployment State Change'],
      resources: [serviceRef],
      detail: { eventName: ['SERVICE_DEPLOYMENT_FAILED'] },
    });
  });

  test('forwards circuit-breaker rollbacks (in-progress deployments whose reason says rolling back)', () => {
    expect(rule(notifications.rollbackRule).EventPattern).toEqual({
      source: ['aws.ecs'],
      'detail-type': ['ECS Deployment State Change'],
      resources: [serviceRef],
      detail: { eventName: ['SERVICE_DEPLOYMENT_IN_PROGRESS'], reason: [{ prefix: ROLLBACK_REASON_PREFIX }] },
    });
  });

  test.each(['failedRule', 'rollbackRule'] as const)('%s targets the alarm topic with a readable message and no role', (key) => {
    const props = rule(notifications[key]);
    expect(props.State).toBe('ENABLED');
    expect(props.Targets).toHaveLength(1);
    const [target] = props.Targets;
    expect(target.Arn).toEqual(topicRef);
    expect(target.RoleArn).toBeUndefined();
    expect(target.InputTransformer.InputTemplate).toContain('Prod-SchemaRegistry: ECS <detail-eventName>');
    expect(target.InputTransformer.InputPathsMap).toMatchObject({
      'detail-eventName': '$.detail.eventName',
      'detail-reason': '$.detail.reason',
    });
  });

  test('the topic policy lets each rule (and only it) publish', () => {
    const policies = Object.values(template.findResources('AWS::SNS::TopicPolicy')).filter(
      (p: any) => JSON.stringify(p.Properties.Topics) === JSON.stringify([topicRef]),
    );
    expect(policies).toHaveLength(1);
    const eventStatements = (policies[0] as any).Properties.PolicyDocument.Statement.filter(
      (s: any) => s.Principal?.Service === 'events.amazonaws.com',
    );
    const sourceArns = eventStatements.map((s: any) => s.Condition.ArnEquals['aws:SourceArn']);
    expect(sourceArns).toEqual([
      { 'Fn::GetAtt': [stack.getLogicalId(notifications.failedRule.node.defaultChild as never), 'Arn'] },
      { 'Fn::GetAtt': [stack.getLogicalId(notifications.rollbackRule.node.defaultChild as never), 'Arn'] },
    ]);
  });
});
