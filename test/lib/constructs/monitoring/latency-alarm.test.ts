import { Template } from 'aws-cdk-lib/assertions';
import { DEFAULT_MONITORING_CONFIG } from '../../../../lib/config/monitoring-config';
import { LatencyAlarm } from '../../../../lib/constructs/monitoring/latency-alarm';
import { alarmNamed, expectActionsOnTopic, familyFixture } from './fixture';

describe('LatencyAlarm', () => {
  test('prod: p99 TargetResponseTime of the target group above 1 s, 3 of 5 one-minute periods', () => {
    const fixture = familyFixture();
    new LatencyAlarm(fixture.stack, 'Latency', fixture);
    const alarm = alarmNamed(Template.fromStack(fixture.stack), 'Prod-SchemaRegistry-P99Latency');
    expect(alarm).toMatchObject({
      Namespace: 'AWS/ApplicationELB',
      MetricName: 'TargetResponseTime',
      ExtendedStatistic: 'p99',
      Period: 60,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanThreshold',
      EvaluationPeriods: 5,
      DatapointsToAlarm: 3,
      TreatMissingData: 'notBreaching',
    });
    expect(alarm.Dimensions.map((d: any) => d.Name).sort()).toEqual(['LoadBalancer', 'TargetGroup']);
    expectActionsOnTopic(alarm, fixture.topicLogicalId);
  });

  test('dev: relaxed threshold (3 s) and period from the dev config', () => {
    const fixture = familyFixture(DEFAULT_MONITORING_CONFIG.dev);
    new LatencyAlarm(fixture.stack, 'Latency', fixture);
    const alarm = alarmNamed(Template.fromStack(fixture.stack), 'Prod-SchemaRegistry-P99Latency');
    expect(alarm).toMatchObject({ Threshold: 3, Period: 300, EvaluationPeriods: 3, DatapointsToAlarm: 3 });
  });
});
