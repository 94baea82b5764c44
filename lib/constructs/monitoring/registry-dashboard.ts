import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { lambdaErrors } from './lambda-error-alarm';
import type { RegistryMetrics } from './registry-metrics';

export interface RegistryDashboardProps {
  /** Dashboard name, e.g. `Prod-SchemaRegistry` (unique per account and region). */
  readonly dashboardName: string;
  readonly metrics: RegistryMetrics;
  /** Shown in the alarm status widget. */
  readonly alarms: readonly cloudwatch.IAlarm[];
  /** Thresholds drawn as horizontal lines. */
  readonly thresholds: {
    readonly fiveXxRatePercent: number;
    readonly p99LatencyMs: number;
    readonly cpuPercent: number;
    readonly memoryPercent: number;
  };
  readonly minTaskCount: number;
  /**
   * The seed function; its invocations and errors are the "last seed result".
   * @default undefined (the widget says seeding is not configured)
   */
  readonly seedFunction?: lambda.IFunction;
  /**
   * The seeding's completion (isComplete) function; its errors are added to the seed errors.
   * @default undefined
   */
  readonly seedCompletionFunction?: lambda.IFunction;
  /**
   * Newest-backup age metric and its staleness threshold (in the metric's unit).
   * @default undefined (the widget says backups are not configured)
   */
  readonly backupAge?: BackupAgeGraph;
}

/** What the dashboard draws for backups. */
export interface BackupAgeGraph {
  readonly metric: cloudwatch.IMetric;
  /** Staleness threshold in the metric's unit, drawn as a line. */
  readonly staleThreshold: number;
  /** Time range of this graph (backups are hours apart, so the dashboard's 3 hours show nothing). */
  readonly range: Duration;
}

const WIDTH = 8;
const HEIGHT = 6;

/** One dashboard per environment with the signals an on-call engineer looks at first. */
export class RegistryDashboard extends Construct {
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: RegistryDashboardProps) {
    super(scope, id);
    const m = props.metrics;
    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: props.dashboardName,
      defaultInterval: Duration.hours(3),
    });
    this.dashboard.addWidgets(new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms: [...props.alarms], width: 24, height: 4 }));
    this.dashboard.addWidgets(
      graph('Requests', [m.requests()]),
      graph('5xx rate (%)', [m.fiveXxRatePercent()], { value: props.thresholds.fiveXxRatePercent, label: 'alarm' }),
      graph('Latency (s)', [m.responseTime('p50').with({ label: 'p50' }), m.responseTime('p99').with({ label: 'p99' })], {
        value: props.thresholds.p99LatencyMs / 1000,
        label: 'p99 alarm',
      }),
    );
    this.dashboard.addWidgets(
      graph('Healthy / unhealthy hosts', [m.healthyHosts(), m.unhealthyHosts()], { value: props.minTaskCount, label: 'min tasks' }),
      graph('Running / desired tasks', [m.runningTasks(), m.desiredTasks()]),
      new cloudwatch.GraphWidget({
        title: 'CPU and memory (%)',
        left: [m.cpuUtilization(), m.memoryUtilization()],
        leftYAxis: { min: 0, max: 100 },
        leftAnnotations: [
          { value: props.thresholds.cpuPercent, label: 'CPU alarm' },
          { value: props.thresholds.memoryPercent, label: 'memory alarm' },
        ],
        width: WIDTH,
        height: HEIGHT,
      }),
    );
    this.dashboard.addWidgets(this.backupAgeWidget(props), ...this.seedWidgets(props));
  }

  private backupAgeWidget(props: RegistryDashboardProps): cloudwatch.IWidget {
    if (!props.backupAge) return notConfigured('Newest backup age', 'Backups are not monitored in this environment.');
    const { metric, staleThreshold, range } = props.backupAge;
    return new cloudwatch.GraphWidget({
      title: 'Newest backup age',
      left: [metric],
      leftAnnotations: [{ value: staleThreshold, label: 'stale' }],
      start: `-${range.toIsoString()}`,
      width: WIDTH,
      height: HEIGHT,
    });
  }

  private seedWidgets(props: RegistryDashboardProps): cloudwatch.IWidget[] {
    const seed = props.seedFunction;
    if (!seed) return [notConfigured('Last seed result', 'Seeding is not configured in this environment.')];
    const period = Duration.hours(1);
    const invocations = seed.metricInvocations({ statistic: cloudwatch.Stats.SUM, period, label: 'Seed invocations' });
    const errors = lambdaErrors([seed, ...(props.seedCompletionFunction ? [props.seedCompletionFunction] : [])], period).with({
      label: 'Seed errors',
    });
    return [
      new cloudwatch.SingleValueWidget({
        title: 'Seed runs in the time range',
        metrics: [invocations, errors],
        setPeriodToTimeRange: true,
        width: WIDTH / 2,
        height: HEIGHT,
      }),
      new cloudwatch.GraphWidget({
        title: 'Last seed result (per hour)',
        left: [invocations, errors],
        statistic: cloudwatch.Stats.SUM,
        width: WIDTH + WIDTH / 2,
        height: HEIGHT,
      }),
    ];
  }
}

function graph(title: string, metrics: cloudwatch.IMetric[], annotation?: cloudwatch.HorizontalAnnotation): cloudwatch.GraphWidget {
  return new cloudwatch.GraphWidget({
    title,
    left: metrics,
    leftAnnotations: annotation ? [annotation] : undefined,
    width: WIDTH,
    height: HEIGHT,
  });
}

function notConfigured(title: string, text: string): cloudwatch.TextWidget {
  return new cloudwatch.TextWidget({ markdown: `### ${title}\n${text}`, width: WIDTH, height: HEIGHT });
}
