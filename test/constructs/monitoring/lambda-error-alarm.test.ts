import { Template } from 'aws-cdk-lib/assertions';
import { LambdaErrorAlarm } from '../../../lib/constructs/monitoring/lambda-error-alarm';
import { alarmNamed, expectActionsOnTopic, familyFixture } from './fixture';

describe('LambdaErrorAlarm', () => {
  const fixture = familyFixture();
  new LambdaErrorAlarm(fixture.stack, 'SeedErrors', { context: fixture.context, function: fixture.seedFunction, role: 'Seed', description: 'seed failed' });
  new LambdaErrorAlarm(fixture.stack, 'BackupErrors', { context: fixture.context, function: fixture.backupFunction, role: 'Backup', description: 'backup failed' });
  const template = Template.fromStack(fixture.stack);

  test.each([
    ['Prod-SchemaRegistry-SeedErrors', 'seedFunction'],
    ['Prod-SchemaRegistry-BackupErrors', 'backupFunction'],
  ] as const)('%s: any AWS/Lambda Errors of that function in 5 minutes alarms at once', (name, fnKey) => {
    const alarm = alarmNamed(template, name);
    expect(alarm).toMatchObject({
      Namespace: 'AWS/Lambda',
      MetricName: 'Errors',
      Statistic: 'Sum',
      Period: 300,
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      EvaluationPeriods: 1,
      DatapointsToAlarm: 1,
      TreatMissingData: 'notBreaching',
    });
    const fnId = fixture.stack.getLogicalId(fixture[fnKey].node.defaultChild as never);
    expect(alarm.Dimensions).toEqual([{ Name: 'FunctionName', Value: { Ref: fnId } }]);
    expectActionsOnTopic(alarm, fixture.topicLogicalId);
  });
});
