import { Template } from 'aws-cdk-lib/assertions';
import { LambdaErrorAlarm, lambdaErrors } from '../../../../lib/constructs/monitoring/lambda-error-alarm';
import { alarmNamed, expectActionsOnTopic, familyFixture } from './fixture';

describe('LambdaErrorAlarm', () => {
  const fixture = familyFixture();
  const { stack } = fixture;
  new LambdaErrorAlarm(stack, 'SeedErrors', {
    context: fixture.context,
    functions: [fixture.seedFunction, fixture.seedCompletionFunction],
    role: 'Seed',
    description: 'seed failed',
  });
  new LambdaErrorAlarm(stack, 'BackupErrors', {
    context: fixture.context,
    functions: [fixture.backupFunction],
    role: 'Backup',
    description: 'backup failed',
  });
  const template = Template.fromStack(stack);
  const fnRef = (fn: { node: { defaultChild?: unknown } }) => ({ Ref: stack.getLogicalId(fn.node.defaultChild as never) });
  const oneOfOne = {
    Threshold: 0,
    ComparisonOperator: 'GreaterThanThreshold',
    EvaluationPeriods: 1,
    DatapointsToAlarm: 1,
    TreatMissingData: 'notBreaching',
  };

  test('BackupErrors: any AWS/Lambda Errors (Sum, 5 min) of the backup function alarms at once', () => {
    const alarm = alarmNamed(template, 'Prod-SchemaRegistry-BackupErrors');
    expect(alarm).toMatchObject({ Namespace: 'AWS/Lambda', MetricName: 'Errors', Statistic: 'Sum', Period: 300, ...oneOfOne });
    expect(alarm.Dimensions).toEqual([{ Name: 'FunctionName', Value: fnRef(fixture.backupFunction) }]);
    expectActionsOnTopic(alarm, fixture.topicLogicalId);
  });

  test('SeedErrors: errors of onEvent and isComplete are added up (missing = 0), alarms at once', () => {
    const alarm = alarmNamed(template, 'Prod-SchemaRegistry-SeedErrors');
    expect(alarm).toMatchObject(oneOfOne);
    expectActionsOnTopic(alarm, fixture.topicLogicalId);
    expect(alarm.Metrics.filter((m: any) => m.ReturnData !== false)).toEqual([
      expect.objectContaining({ Expression: 'FILL(errors0, 0) + FILL(errors1, 0)' }),
    ]);
    const inputs = Object.fromEntries(alarm.Metrics.filter((m: any) => m.MetricStat).map((m: any) => [m.Id, m.MetricStat]));
    expect(inputs.errors0).toEqual({
      Metric: { Namespace: 'AWS/Lambda', MetricName: 'Errors', Dimensions: [{ Name: 'FunctionName', Value: fnRef(fixture.seedFunction) }] },
      Period: 300,
      Stat: 'Sum',
    });
    expect(inputs.errors1.Metric.Dimensions).toEqual([{ Name: 'FunctionName', Value: fnRef(fixture.seedCompletionFunction) }]);
  });

  test('lambdaErrors needs at least one function', () => {
    expect(() => lambdaErrors([])).toThrow('at least one function');
  });
});
