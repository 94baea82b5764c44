import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import {
  BACKUP_AGE_METRIC,
  BACKUP_METRIC_DIMENSION,
  BACKUP_METRIC_NAMESPACE,
  BACKUP_SUCCEEDED_METRIC,
} from '../../../lambda/contracts/backup';

// CloudWatch helpers for the metrics the backup function publishes; their names are the
// contract's (lambda/contracts/backup.ts), which the function uses too.

/**
 * The newest-backup-age metric in the shape the monitoring stack's `backupAgeMetric` prop takes
 * (lib/constructs/monitoring/backup-staleness-alarm.ts `BackupAgeMetric`).
 */
export interface BackupAgeMetricDescription {
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: Record<string, string>;
  /** Minutes between two scheduled backups. */
  readonly scheduleMinutes: number;
  readonly unit: 'seconds';
}

export function backupAgeMetricDescription(envName: string, intervalMinutes: number): BackupAgeMetricDescription {
  return {
    namespace: BACKUP_METRIC_NAMESPACE,
    metricName: BACKUP_AGE_METRIC,
    dimensions: { [BACKUP_METRIC_DIMENSION]: envName },
    scheduleMinutes: intervalMinutes,
    unit: 'seconds',
  };
}

/**
 * Hours without a successful backup after which backups count as stale: one and a half
 * intervals (so a single missed run alarms), at least 2 hours, in whole hours because the
 * alarm evaluates hourly periods.
 */
export function staleAfterHours(intervalMinutes: number): number {
  return Math.max(2, Math.ceil((intervalMinutes * 1.5) / 60));
}

/** `BackupSucceeded` summed per hour for one environment. */
export function backupSucceededMetric(envName: string, props: cloudwatch.MetricOptions = {}): cloudwatch.Metric {
  return new cloudwatch.Metric({
    namespace: BACKUP_METRIC_NAMESPACE,
    metricName: BACKUP_SUCCEEDED_METRIC,
    dimensionsMap: { [BACKUP_METRIC_DIMENSION]: envName },
    statistic: cloudwatch.Stats.SUM,
    period: Duration.hours(1),
    ...props,
  });
}

/**
 * Options for the staleness alarm: no successful backup in `staleAfterHours` consecutive hours.
 * Missing data counts as breaching, so the alarm also fires when the schedule or the function
 * stops running altogether (nothing is published then). CloudWatch allows such a window up to
 * 7 days of hourly periods, which the backup config's 3-day interval cap respects.
 */
export function backupStalenessAlarmOptions(envName: string, intervalMinutes: number): cloudwatch.CreateAlarmOptions {
  const hours = staleAfterHours(intervalMinutes);
  return {
    alarmDescription: `No successful Schema Registry backup (${envName}) for ${hours} hours; backups run every ${intervalMinutes} minutes. Check the backup function's logs and errors.`,
    threshold: 1,
    comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
    evaluationPeriods: hours,
    datapointsToAlarm: hours,
    treatMissingData: cloudwatch.TreatMissingData.BREACHING,
  };
}
