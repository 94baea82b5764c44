import { Template } from 'aws-cdk-lib/assertions';
import { HostHealthAlarms } from '../../../../lib/constructs/monitoring/host-health-alarms';
import { alarmNamed, expectActionsOnTopic, familyFixture } from './fixture';

describe('HostHealthAlarms', () => {
  const fixture = familyFixture();
  new HostHealthAlarms(fixture.stack, 'HostHealth', { ...fixture, minTaskCount: 2 });
  const template = Template.fromStack(fixture.stack);

  test('UnhealthyHosts: Maximum UnHealthyHostCount > 0, sustained (3 of 5), no data = not breaching', () => {
    const alarm = alarmNamed(template, 'Prod-SchemaRegistry-UnhealthyHosts');
    expect(alarm).toMatchObject({
      Namespace: 'AWS/ApplicationELB',
      MetricName: 'UnHealthyHostCount',
      Statistic: 'Maximum',
      Period: 60,
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      EvaluationPeriods: 5,
      DatapointsToAlarm: 3,
      TreatMissingData: 'notBreaching',
    });
    expect(alarm.Dimensions.map((d: any) => d.Name).sort()).toEqual(['LoadBalancer', 'TargetGroup']);
    expectActionsOnTopic(alarm, fixture.topicLogicalId);
  });

  test('HealthyHostsBelowMin: Minimum HealthyHostCount < minTaskCount, no data = breaching', () => {
    const alarm = alarmNamed(template, 'Prod-SchemaRegistry-HealthyHostsBelowMin');
    expect(alarm).toMatchObject({
      Namespace: 'AWS/ApplicationELB',
      MetricName: 'HealthyHostCount',
      Statistic: 'Minimum',
      Period: 60,
      Threshold: 2,
      ComparisonOperator: 'LessThanThreshold',
      EvaluationPeriods: 5,
      DatapointsToAlarm: 3,
      TreatMissingData: 'breaching',
    });
    expectActionsOnTopic(alarm, fixture.topicLogicalId);
  });

  test('rejects a minimum task count that cannot be right', () => {
    const other = familyFixture();
    expect(() => new HostHealthAlarms(other.stack, 'HostHealth', { ...other, minTaskCount: 0 })).toThrow(
      /minTaskCount must be a whole number >= 1, got 0/,
    );
  });
});
