import { Template } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { DEFAULT_MIGRATION_CONFIG } from '../../../../lib/config/migration-config';
import { addMigrationDashboardRow, MigrationAlarms } from '../../../../lib/constructs/monitoring';
import { alarmNamed, expectActionsOnTopic, familyFixture } from './fixture';

const ALARMS = DEFAULT_MIGRATION_CONFIG.prod.alarms;
const metricStat = (namespace: string, name: string, stat: string, period: number) => ({
  Metric: { Dimensions: [{ Name: 'Environment', Value: 'prod' }], MetricName: name, Namespace: namespace },
  Period: period,
  Stat: stat,
});

// Both variants in one stack (the second under another prefix): one synthesis for the file.
const fixture = familyFixture();
const { stack } = fixture;
const migration = new MigrationAlarms(stack, 'Migration', {
  context: fixture.context,
  envName: 'prod',
  alarms: { ...ALARMS, allowedNotWritableScopes: 2 },
  modeCheck: { intervalMinutes: 5, checkFunction: fixture.backupFunction },
});
const withoutCheck = new MigrationAlarms(stack, 'MigrationWithoutCheck', {
  context: { ...fixture.context, namePrefix: 'Dev-SchemaRegistry' },
  envName: 'dev',
  alarms: { ...ALARMS, syncBehindMinutes: 3 },
});
const dashboard = new cloudwatch.Dashboard(stack, 'Dashboard');
addMigrationDashboardRow(dashboard, { metrics: migration.metrics, alarms: ALARMS, modeCheckIntervalMinutes: 5 });
const template = Template.fromStack(stack);

describe('MigrationAlarms with the mode check', () => {
  test('RegistryNotWritable: scopes in IMPORT/READONLY over the whole window while no sync pass was published', () => {
    const alarm = alarmNamed(template, 'Prod-SchemaRegistry-RegistryNotWritable');
    expect(alarm).toMatchObject({
      Threshold: 2,
      ComparisonOperator: 'GreaterThanThreshold',
      EvaluationPeriods: 1,
      DatapointsToAlarm: 1,
      TreatMissingData: 'notBreaching',
    });
    expect(alarm.AlarmDescription).toMatch(
      /^Registry left in IMPORT\/READONLY: more than 2 scope\(s\) .* for 15 minutes and no sync is running/,
    );
    const byId = Object.fromEntries((alarm.Metrics as { Id: string }[]).map((m) => [m.Id, m]));
    expect(byId.expr_1).toMatchObject({ Expression: 'IF(FILL(passes, 0) > 0, 0, scopes)', ReturnData: true });
    expect(byId.scopes).toMatchObject({
      MetricStat: metricStat('SchemaRegistry/Migration', 'ScopesInImportOrReadOnly', 'Minimum', 900),
      ReturnData: false,
    });
    expect(byId.passes).toMatchObject({
      MetricStat: metricStat('SchemaRegistry/Migration', 'SyncSecondsSinceLastSuccess', 'SampleCount', 900),
      ReturnData: false,
    });
    expectActionsOnTopic(alarm, fixture.topicLogicalId);
  });

  test('SyncStalled: a running sync without a good pass for 10 minutes', () => {
    const alarm = alarmNamed(template, 'Prod-SchemaRegistry-SyncStalled');
    expect(alarm).toMatchObject({
      Threshold: 600,
      ComparisonOperator: 'GreaterThanThreshold',
      EvaluationPeriods: 1,
      DatapointsToAlarm: 1,
      TreatMissingData: 'notBreaching',
    });
    expect(alarm.Metrics[0].MetricStat).toEqual(metricStat('SchemaRegistry/Migration', 'SyncSecondsSinceLastSuccess', 'Maximum', 60));
    expectActionsOnTopic(alarm, fixture.topicLogicalId);
  });

  test('SyncBehind: every pass for 15 minutes (three 5-minute periods) started behind', () => {
    const alarm = alarmNamed(template, 'Prod-SchemaRegistry-SyncBehind');
    expect(alarm).toMatchObject({
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      EvaluationPeriods: 3,
      DatapointsToAlarm: 3,
      TreatMissingData: 'notBreaching',
    });
    expect(alarm.Metrics[0].MetricStat).toEqual(metricStat('SchemaRegistry/Migration', 'SyncVersionsBehind', 'Minimum', 300));
  });

  test('ModeCheckErrors: a failing check alarms at once', () => {
    expect(alarmNamed(template, 'Prod-SchemaRegistry-ModeCheckErrors')).toMatchObject({
      MetricName: 'Errors',
      Threshold: 0,
      EvaluationPeriods: 1,
    });
    expect(migration.alarms.map((a) => a.node.id)).toEqual(['NotWritable', 'SyncStalled', 'SyncBehind', 'Alarm']);
  });

  test('the dashboard row graphs the modes against sync passes, versions behind and writes, and the time since the last good pass', () => {
    const body = JSON.stringify(Object.values(template.findResources('AWS::CloudWatch::Dashboard'))[0].Properties.DashboardBody);
    for (const title of [
      'Migration: scopes in IMPORT/READONLY',
      'Migration: sync versions behind and writes',
      'Migration: seconds since last good sync pass',
    ]) {
      expect(body).toContain(title);
    }
    for (const metric of [
      'ScopesInImportOrReadOnly',
      'SyncVersionsBehind',
      'SyncWrites',
      'SyncSecondsSinceLastSuccess',
      'SyncScopesInImport',
    ]) {
      expect(body).toContain(metric);
    }
  });
});

describe('MigrationAlarms without the mode check', () => {
  test('only the sync alarms; a short SyncBehind window is one period of that length', () => {
    expect(withoutCheck.alarms.map((a) => a.node.id)).toEqual(['SyncStalled', 'SyncBehind']);
    const names = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties.AlarmName as string);
    expect(names.filter((name) => name.startsWith('Dev-'))).toEqual(['Dev-SchemaRegistry-SyncStalled', 'Dev-SchemaRegistry-SyncBehind']);
    const behind = alarmNamed(template, 'Dev-SchemaRegistry-SyncBehind');
    expect(behind).toMatchObject({ EvaluationPeriods: 1, DatapointsToAlarm: 1 });
    expect(behind.Metrics[0].MetricStat.Period).toBe(180);
    expect(behind.Metrics[0].MetricStat.Metric.Dimensions).toEqual([{ Name: 'Environment', Value: 'dev' }]);
  });
});
