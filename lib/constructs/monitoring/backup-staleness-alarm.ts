import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { throwIfInvalidProps } from '../shared/invalid-props';
import { type AlarmContext, createEnvAlarm } from './alarm-context';

/** Unit of the published backup-age value. */
export type BackupAgeUnit = 'seconds' | 'minutes' | 'hours';

const SECONDS_PER_UNIT: Record<BackupAgeUnit, number> = { seconds: 1, minutes: 60, hours: 3600 };
// CloudWatch limit: an alarm's period x evaluation periods may not exceed 7 days.
const MAX_WINDOW_MINUTES = 7 * 24 * 60;
const DEFAULT_STALE_AFTER_SCHEDULES = 2;

/** The custom metric the backup feature publishes: the age of the newest backup. */
export interface BackupAgeMetric {
  readonly namespace: string;
  readonly metricName: string;
  /**
   * Dimensions the value is published with (must match exactly, or the alarm sees nothing).
   * @default {} (no dimensions)
   */
  readonly dimensions?: Record<string, string>;
  /** Minutes between two scheduled backups. */
  readonly scheduleMinutes: number;
  /**
   * Unit of the published value.
   * @default 'seconds'
   */
  readonly unit?: BackupAgeUnit;
}

export interface BackupStalenessAlarmProps {
  readonly context: AlarmContext;
  readonly metric: BackupAgeMetric;
  /**
   * The newest backup is stale when older than this many schedules.
   * @default 2
   */
  readonly staleAfterSchedules?: number;
}

/**
 * `<prefix>-BackupStale`: the newest backup is older than `staleAfterSchedules` × the schedule.
 *
 * One period spans the whole staleness window and takes the Maximum, so a single published age
 * above the threshold alarms, however sparsely the value is published (once per run is enough).
 * Missing data is breaching: no value for a whole window means backups are not running at all.
 */
export class BackupStalenessAlarm extends Construct {
  readonly alarm: cloudwatch.Alarm;
  /** The metric as alarmed on (period = staleness window). */
  readonly ageMetric: cloudwatch.Metric;
  /** The staleness threshold, in the metric's unit. */
  readonly threshold: number;
  /** The same metric per schedule interval, labelled, for graphs. */
  readonly graphMetric: cloudwatch.Metric;
  /** A graph time range that shows a few staleness windows (the dashboard default is 3 hours). */
  readonly graphRange: Duration;

  constructor(scope: Construct, id: string, props: BackupStalenessAlarmProps) {
    super(scope, id);
    const { metric } = props;
    const factor = props.staleAfterSchedules ?? DEFAULT_STALE_AFTER_SCHEDULES;
    const unit = metric.unit ?? 'seconds';
    throwIfInvalidProps(this, 'BackupStalenessAlarm', backupStalenessProblems(metric, factor));
    const windowMinutes = Math.ceil(metric.scheduleMinutes * factor);
    this.ageMetric = new cloudwatch.Metric({
      namespace: metric.namespace,
      metricName: metric.metricName,
      dimensionsMap: metric.dimensions ?? {},
      statistic: cloudwatch.Stats.MAXIMUM,
      period: Duration.minutes(windowMinutes),
    });
    this.graphMetric = this.ageMetric.with({ period: Duration.minutes(metric.scheduleMinutes), label: `Newest backup age (${unit})` });
    this.graphRange = Duration.minutes(Math.max(4 * windowMinutes, 24 * 60));
    this.threshold = (metric.scheduleMinutes * 60 * factor) / SECONDS_PER_UNIT[unit];
    this.alarm = createEnvAlarm(this, 'Alarm', props.context, {
      nameSuffix: 'BackupStale',
      description:
        `The newest registry backup is older than ${factor} x the ${metric.scheduleMinutes}-minute schedule (or no age was published). ` +
        'First check: the BackupErrors alarm and the backup function logs; then the EventBridge schedule.',
      metric: this.ageMetric,
      threshold: this.threshold,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      datapointsToAlarm: 1,
      treatMissingData: cloudwatch.TreatMissingData.BREACHING,
    });
  }
}

/** Where the props checked by `backupStalenessProblems` sit, for its messages. */
export interface BackupStalenessPaths {
  /** @default 'metric' */
  readonly metric?: string;
  /** @default 'staleAfterSchedules' */
  readonly staleAfterSchedules?: string;
}

/**
 * Problems with a backup-age metric and a staleness factor, each naming the prop and the fix;
 * [] when valid. The monitoring stack passes its own prop paths (`backupAgeMetric`,
 * `monitoring.backupStaleAfterSchedules`).
 */
export function backupStalenessProblems(
  metric: BackupAgeMetric,
  staleAfterSchedules: number = DEFAULT_STALE_AFTER_SCHEDULES,
  paths: BackupStalenessPaths = {},
): string[] {
  const metricPath = paths.metric ?? 'metric';
  const factorPath = paths.staleAfterSchedules ?? 'staleAfterSchedules';
  const problems: string[] = [];
  const scheduleOk = Number.isInteger(metric.scheduleMinutes) && metric.scheduleMinutes >= 1;
  if (!scheduleOk) problems.push(`${metricPath}.scheduleMinutes must be a whole number >= 1, got ${metric.scheduleMinutes}`);
  // Same wording as the monitoring config's check, so the monitoring stack can drop the duplicate.
  const factorOk = typeof staleAfterSchedules === 'number' && staleAfterSchedules >= 1;
  if (!factorOk) {
    problems.push(`${factorPath} must be at least 1 (a backup is stale only after a missed schedule), got ${staleAfterSchedules}`);
  }
  if (scheduleOk && factorOk && Math.ceil(metric.scheduleMinutes * staleAfterSchedules) > MAX_WINDOW_MINUTES) {
    problems.push(
      `${factorPath} x ${metricPath}.scheduleMinutes (${staleAfterSchedules} x ${metric.scheduleMinutes} minutes) exceeds ` +
        `CloudWatch's 7-day alarm window; back up more often or lower ${factorPath}`,
    );
  }
  return problems;
}
