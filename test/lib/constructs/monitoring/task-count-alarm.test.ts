import { Template } from 'aws-cdk-lib/assertions';
import { TaskCountAlarm } from '../../../../lib/constructs/monitoring/task-count-alarm';
import { alarmNamed, expectActionsOnTopic, familyFixture } from './fixture';

describe('TaskCountAlarm', () => {
  const fixture = familyFixture();
  new TaskCountAlarm(fixture.stack, 'TaskCount', fixture);
  const alarm = alarmNamed(Template.fromStack(fixture.stack), 'Prod-SchemaRegistry-RunningTasksBelowDesired');

  test('desired - running > 0 from Container Insights, M of N from config, no data = breaching', () => {
    expect(alarm).toMatchObject({
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      EvaluationPeriods: 5,
      DatapointsToAlarm: 3,
      TreatMissingData: 'breaching',
    });
    expectActionsOnTopic(alarm, fixture.topicLogicalId);
    const returned = alarm.Metrics.filter((m: any) => m.ReturnData !== false);
    expect(returned).toEqual([expect.objectContaining({ Expression: 'desired - running' })]);
  });

  test('both inputs are ECS/ContainerInsights metrics of this cluster and service', () => {
    const stats = Object.fromEntries(alarm.Metrics.filter((m: any) => m.MetricStat).map((m: any) => [m.Id, m.MetricStat]));
    expect(stats.desired.Metric).toMatchObject({ Namespace: 'ECS/ContainerInsights', MetricName: 'DesiredTaskCount' });
    expect(stats.running.Metric).toMatchObject({ Namespace: 'ECS/ContainerInsights', MetricName: 'RunningTaskCount' });
    const stack = fixture.stack;
    const clusterId = stack.getLogicalId(fixture.cluster.node.defaultChild as never);
    const serviceId = stack.getLogicalId(fixture.service.node.defaultChild as never);
    for (const stat of [stats.desired, stats.running]) {
      expect(stat).toMatchObject({ Stat: 'Average', Period: 60 });
      expect(stat.Metric.Dimensions).toEqual([
        { Name: 'ClusterName', Value: { Ref: clusterId } },
        { Name: 'ServiceName', Value: { 'Fn::GetAtt': [serviceId, 'Name'] } },
      ]);
    }
  });
});
