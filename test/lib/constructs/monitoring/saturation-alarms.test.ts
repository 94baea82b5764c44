import { Template } from 'aws-cdk-lib/assertions';
import { SaturationAlarms } from '../../../../lib/constructs/monitoring/saturation-alarms';
import { alarmNamed, expectActionsOnTopic, familyFixture } from './fixture';

describe('SaturationAlarms', () => {
  const fixture = familyFixture();
  new SaturationAlarms(fixture.stack, 'Saturation', fixture);
  const template = Template.fromStack(fixture.stack);

  test.each([
    ['Prod-SchemaRegistry-CpuHigh', 'CPUUtilization'],
    ['Prod-SchemaRegistry-MemoryHigh', 'MemoryUtilization'],
  ])('%s: Average AWS/ECS %s of the service above 80%%', (name, metricName) => {
    const alarm = alarmNamed(template, name);
    expect(alarm).toMatchObject({
      Namespace: 'AWS/ECS',
      MetricName: metricName,
      Statistic: 'Average',
      Period: 60,
      Threshold: 80,
      ComparisonOperator: 'GreaterThanThreshold',
      EvaluationPeriods: 5,
      DatapointsToAlarm: 3,
      TreatMissingData: 'notBreaching',
    });
    expect(alarm.Dimensions.map((d: any) => d.Name)).toEqual(['ClusterName', 'ServiceName']);
    expectActionsOnTopic(alarm, fixture.topicLogicalId);
  });
});
