import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { type AlarmContext, createEnvAlarm } from './alarm-context';

/** Unit of the published backup-age value. */
export type BackupAgeUnit = 'seconds' | 'minutes' | 'hours';

const SECONDS_PER_UNIT: Record<BackupAgeUnit, number> = { seconds: 1, minutes: 60, hours: 3600 };
// CloudWatch limit: an alarm's period x evaluation periods may not exceed 7 days.
const MAX_WINDOW_MINUTES = 7 * 24 * 60;

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
    const factor = props.staleAfterSchedules ?? 2;
    const unit = metric.unit ?? 'seconds';
    if (!Number.isInteger(metric.scheduleMinutes) || metric.scheduleMinutes < 1) {
      throw new Error(`BackupStalenessAlarm: scheduleMinutes must be a whole number >= 1, got ${metric.scheduleMinutes}`);
    }
    const windowMinutes = Math.ceil(metric.scheduleMinutes * factor);
    if (windowMinutes > MAX_WINDOW_MINUTES) {
      throw new Error(
        `BackupStalenessAlarm: ${factor} x ${metric.scheduleMinutes} minutes exceeds CloudWatch's 7-day alarm window; ` +
          'back up more often or lower monitoring.backupStaleAfterSchedules',
      );
    }
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
