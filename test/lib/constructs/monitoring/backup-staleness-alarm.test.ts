import { Template } from 'aws-cdk-lib/assertions';
import { BackupStalenessAlarm } from '../../../../lib/constructs/monitoring/backup-staleness-alarm';
import { alarmNamed, expectActionsOnTopic, familyFixture } from './fixture';

const METRIC = {
  namespace: 'SchemaRegistry/Backups',
  metricName: 'NewestBackupAgeSeconds',
  dimensions: { Environment: 'prod' },
  scheduleMinutes: 360,
};

describe('BackupStalenessAlarm', () => {
  test('Maximum age over one window of 2 x schedule above 2 x schedule (seconds), missing data = breaching', () => {
    const fixture = familyFixture();
    new BackupStalenessAlarm(fixture.stack, 'Staleness', { context: fixture.context, metric: METRIC });
    const alarm = alarmNamed(Template.fromStack(fixture.stack), 'Prod-SchemaRegistry-BackupStale');
    expect(alarm).toMatchObject({
      Namespace: 'SchemaRegistry/Backups',
      MetricName: 'NewestBackupAgeSeconds',
      Dimensions: [{ Name: 'Environment', Value: 'prod' }],
      Statistic: 'Maximum',
      Period: 2 * 360 * 60,
      Threshold: 2 * 360 * 60,
      ComparisonOperator: 'GreaterThanThreshold',
      EvaluationPeriods: 1,
      DatapointsToAlarm: 1,
      TreatMissingData: 'breaching',
    });
    expectActionsOnTopic(alarm, fixture.topicLogicalId);
  });

  test('threshold follows the published unit and the stale-after factor', () => {
    const fixture = familyFixture();
    const staleness = new BackupStalenessAlarm(fixture.stack, 'Staleness', {
      context: fixture.context,
      metric: { ...METRIC, unit: 'hours', scheduleMinutes: 1440 },
      staleAfterSchedules: 3,
    });
    expect(staleness.threshold).toBe(72);
    const alarm = alarmNamed(Template.fromStack(fixture.stack), 'Prod-SchemaRegistry-BackupStale');
    expect(alarm).toMatchObject({ Threshold: 72, Period: 3 * 1440 * 60 });
  });

  test('rejects a window CloudWatch cannot evaluate (more than 7 days) and a bad schedule', () => {
    const fixture = familyFixture();
    expect(
      () =>
        new BackupStalenessAlarm(fixture.stack, 'TooLong', { context: fixture.context, metric: { ...METRIC, scheduleMinutes: 4 * 1440 } }),
    ).toThrow(/exceeds CloudWatch's 7-day alarm window/);
    expect(
      () => new BackupStalenessAlarm(fixture.stack, 'Zero', { context: fixture.context, metric: { ...METRIC, scheduleMinutes: 0 } }),
    ).toThrow(/scheduleMinutes must be a whole number >= 1, got 0/);
  });

  test('a bad schedule and a bad stale-after factor are reported together', () => {
    const fixture = familyFixture();
    expect(
      () =>
        new BackupStalenessAlarm(fixture.stack, 'Both', {
          context: fixture.context,
          metric: { ...METRIC, scheduleMinutes: 2.5 },
          staleAfterSchedules: 0,
        }),
    ).toThrow(
      [
        'BackupStalenessAlarm at Test/Both: invalid props:',
        ' - metric.scheduleMinutes must be a whole number >= 1, got 2.5',
        ' - staleAfterSchedules must be at least 1 (a backup is stale only after a missed schedule), got 0',
      ].join('\n'),
    );
  });
});
