import { Template } from 'aws-cdk-lib/assertions';
import { ErrorRateAlarm } from '../../../../lib/constructs/monitoring/error-rate-alarm';
import { FIVE_XX_RATE_EXPRESSION } from '../../../../lib/constructs/monitoring/registry-metrics';
import { alarmNamed, expectActionsOnTopic, familyFixture } from './fixture';

describe('ErrorRateAlarm', () => {
  const fixture = familyFixture();
  new ErrorRateAlarm(fixture.stack, 'ErrorRate', fixture);
  const alarm = alarmNamed(Template.fromStack(fixture.stack), 'Prod-SchemaRegistry-5xxRate');

  test('alarms on the 5xx percentage above the configured rate, M of N from config, no data = not breaching', () => {
    expect(alarm).toMatchObject({
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 1,
      EvaluationPeriods: 5,
      DatapointsToAlarm: 3,
      TreatMissingData: 'notBreaching',
    });
    expectActionsOnTopic(alarm, fixture.topicLogicalId);
  });

  test('the expression guards the division and is the only returned series', () => {
    const returned = alarm.Metrics.filter((m: any) => m.ReturnData !== false);
    expect(returned).toHaveLength(1);
    expect(returned[0].Expression).toBe(FIVE_XX_RATE_EXPRESSION);
    expect(FIVE_XX_RATE_EXPRESSION).toMatch(/^IF\(FILL\(requests, 0\) > 0, 100 \* /);
  });

  test('reads ELB 5xx and RequestCount of the load balancer and target 5xx of the target group, as 1-minute sums', () => {
    const byId = Object.fromEntries(alarm.Metrics.filter((m: any) => m.MetricStat).map((m: any) => [m.Id, m.MetricStat]));
    expect(Object.keys(byId).sort()).toEqual(['elb5xx', 'requests', 'target5xx']);
    expect(byId.elb5xx.Metric).toMatchObject({ Namespace: 'AWS/ApplicationELB', MetricName: 'HTTPCode_ELB_5XX_Count' });
    expect(byId.requests.Metric).toMatchObject({ Namespace: 'AWS/ApplicationELB', MetricName: 'RequestCount' });
    expect(byId.target5xx.Metric).toMatchObject({ Namespace: 'AWS/ApplicationELB', MetricName: 'HTTPCode_Target_5XX_Count' });
    expect(byId.target5xx.Metric.Dimensions.map((d: any) => d.Name).sort()).toEqual(['LoadBalancer', 'TargetGroup']);
    for (const stat of Object.values(byId) as any[]) {
      expect(stat.Stat).toBe('Sum');
      expect(stat.Period).toBe(60);
    }
  });
});
