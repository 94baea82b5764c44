import { PutMetricDataCommand, StandardUnit, type CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import {
  BACKUP_AGE_METRIC,
  BACKUP_DURATION_METRIC,
  BACKUP_METRIC_DIMENSION,
  BACKUP_METRIC_NAMESPACE,
  BACKUP_SUBJECT_VERSIONS_METRIC,
  BACKUP_SUCCEEDED_METRIC,
} from '../../contracts/backup';

/**
 * Backup metrics, in one namespace with one dimension (`Environment`). Every run publishes
 * `BackupAgeSeconds`, the age of the newest backup: 0 after a success, the age of the newest
 * older backup after a failure. A staleness alarm on its Maximum with missing data breaching
 * fires when backups keep failing *and* when the function stops running entirely (nothing is
 * published then). `BackupSucceeded` (1 per success) allows a count-based alarm as well.
 * Names: lambda/contracts/backup.ts.
 */

export interface BackupMetrics {
  readonly envName: string;
  readonly subjectVersions: number;
  readonly durationSeconds: number;
  readonly at: Date;
}

/** Publishes the metrics of one successful backup. */
export async function publishBackupSucceeded(cloudwatch: CloudWatchClient, metrics: BackupMetrics): Promise<void> {
  const dimensions = [{ Name: BACKUP_METRIC_DIMENSION, Value: metrics.envName }];
  await cloudwatch.send(
    new PutMetricDataCommand({
      Namespace: BACKUP_METRIC_NAMESPACE,
      MetricData: [
        { MetricName: BACKUP_AGE_METRIC, Dimensions: dimensions, Value: 0, Unit: StandardUnit.Seconds, Timestamp: metrics.at },
        { MetricName: BACKUP_SUCCEEDED_METRIC, Dimensions: dimensions, Value: 1, Unit: StandardUnit.Count, Timestamp: metrics.at },
        {
          MetricName: BACKUP_SUBJECT_VERSIONS_METRIC,
          Dimensions: dimensions,
          Value: metrics.subjectVersions,
          Unit: StandardUnit.Count,
          Timestamp: metrics.at,
        },
        {
          MetricName: BACKUP_DURATION_METRIC,
          Dimensions: dimensions,
          Value: metrics.durationSeconds,
          Unit: StandardUnit.Seconds,
          Timestamp: metrics.at,
        },
      ],
    }),
  );
}

/** After a failed run: the age of the newest backup that exists. */
export async function publishBackupAge(cloudwatch: CloudWatchClient, envName: string, ageSeconds: number, at: Date): Promise<void> {
  await cloudwatch.send(
    new PutMetricDataCommand({
      Namespace: BACKUP_METRIC_NAMESPACE,
      MetricData: [
        {
          MetricName: BACKUP_AGE_METRIC,
          Dimensions: [{ Name: BACKUP_METRIC_DIMENSION, Value: envName }],
          Value: ageSeconds,
          Unit: StandardUnit.Seconds,
          Timestamp: at,
        },
      ],
    }),
  );
}
