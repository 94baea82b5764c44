import { Duration } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { ErrorRateAlarm } from '../../../../lib/constructs/monitoring/error-rate-alarm';
import { RegistryDashboard } from '../../../../lib/constructs/monitoring/registry-dashboard';
import { familyFixture } from './fixture';

/** The dashboard body with CloudFormation tokens flattened to text. */
function dashboardBody(template: Template, name: string): any {
  const dashboards = Object.values(template.findResources('AWS::CloudWatch::Dashboard')).filter(
    (d: any) => d.Properties.DashboardName === name,
  );
  expect(dashboards).toHaveLength(1);
  const parts = (dashboards[0] as any).Properties.DashboardBody['Fn::Join'][1];
  return JSON.parse(parts.map((p: unknown) => (typeof p === 'string' ? p : 'TOKEN')).join(''));
}

const titles = (body: any): string[] => body.widgets.map((w: any) => w.properties.title ?? w.properties.markdown);

describe('RegistryDashboard', () => {
  test('full dashboard: alarm status, traffic, latency, hosts, tasks, CPU/memory, backup age, seed result', () => {
    const fixture = familyFixture();
    const alarm = new ErrorRateAlarm(fixture.stack, 'ErrorRate', fixture).alarm;
    new RegistryDashboard(fixture.stack, 'Dashboard', {
      dashboardName: 'Prod-SchemaRegistry',
      metrics: fixture.metrics,
      alarms: [alarm],
      thresholds: fixture.config,
      minTaskCount: 2,
      seedFunction: fixture.seedFunction,
      seedCompletionFunction: fixture.seedCompletionFunction,
      backupAge: {
        metric: new cloudwatch.Metric({
          namespace: 'SchemaRegistry/Backups',
          metricName: 'NewestBackupAgeSeconds',
          period: Duration.hours(6),
        }),
        staleThreshold: 43200,
        range: Duration.days(2),
      },
    });
    const body = dashboardBody(Template.fromStack(fixture.stack), 'Prod-SchemaRegistry');
    expect(titles(body)).toEqual([
      'Alarms',
      'Requests',
      '5xx rate (%)',
      'Latency (s)',
      'Healthy / unhealthy hosts',
      'Running / desired tasks',
      'CPU and memory (%)',
      'Newest backup age',
      'Seed runs in the time range',
      'Last seed result (per hour)',
    ]);
    const widget = (title: string) => body.widgets.find((w: any) => w.properties.title === title).properties;
    expect(widget('Alarms').alarms).toHaveLength(1);
    expect(JSON.stringify(widget('Latency (s)').metrics)).toMatch(/"stat":"p50".*"stat":"p99"|"stat":"p99".*"stat":"p50"/);
    expect(widget('5xx rate (%)').metrics[0][0].expression).toContain('100 * (FILL(elb5xx, 0) + FILL(target5xx, 0))');
    expect(JSON.stringify(widget('Running / desired tasks').metrics)).toContain('ECS/ContainerInsights');
    expect(widget('Newest backup age')).toMatchObject({ start: '-P2D', annotations: { horizontal: [{ value: 43200, label: 'stale' }] } });
    const seedMetrics = JSON.stringify(widget('Last seed result (per hour)').metrics);
    expect(seedMetrics).toContain('"AWS/Lambda","Invocations"');
    // Errors of onEvent and isComplete together, as the SeedErrors alarm counts them.
    expect(seedMetrics).toContain('{"label":"Seed errors","expression":"FILL(errors0, 0) + FILL(errors1, 0)"');
  });

  test('without seeding or backups the widgets say so instead of graphing nothing', () => {
    const fixture = familyFixture();
    new RegistryDashboard(fixture.stack, 'Dashboard', {
      dashboardName: 'Dev-SchemaRegistry',
      metrics: fixture.metrics,
      alarms: [],
      thresholds: fixture.config,
      minTaskCount: 1,
    });
    const body = dashboardBody(Template.fromStack(fixture.stack), 'Dev-SchemaRegistry');
    expect(titles(body).slice(-2)).toEqual([
      '### Newest backup age\nBackups are not monitored in this environment.',
      '### Last seed result\nSeeding is not configured in this environment.',
    ]);
  });
});
