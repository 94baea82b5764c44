import * as path from 'node:path';
import { Duration } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { BACKUP_ENV, BACKUP_METRIC_NAMESPACE, backupKeyPrefix } from '../../../lambda/contracts/backup';
import { REGISTRY_ACCESS_ENV } from '../../../lambda/contracts/registry-access';
import { backupScheduleProblems, type BackupConfig } from '../../config/backup-config';
import { acknowledge, acknowledgeWildcardResource } from '../../nag/acknowledge';
import {
  grantAdminSecretRead,
  RegistryClientFunction,
  type RegistryAccessProps,
  registryAccessEnvironment,
  registryAccessProblems,
  registryFunctionProps,
} from '../registry-access';
import { grantBucketKeyUse } from '../shared/bucket-key-grants';
import { throwIfInvalidProps } from '../shared/invalid-props';
import {
  backupAgeMetricDescription,
  type BackupAgeMetricDescription,
  backupStalenessAlarmOptions,
  backupSucceededMetric,
  staleAfterHours,
} from './backup-metrics';

const BACKUP_HANDLER = path.join(__dirname, '..', '..', '..', 'lambda', 'handlers', 'backup.ts');
/** Environment names end up in an S3 key prefix and an IAM resource: no `/`, `*` or spaces. */
const SAFE_ENV_NAME = /^[A-Za-z0-9][A-Za-z0-9-]*$/;

export interface ScheduledBackupProps extends RegistryAccessProps {
  /** Environment name: the key prefix `backups/<env>/` and the metrics' `Environment` dimension. */
  readonly envName: string;
  /** Schedule and retention. */
  readonly config: BackupConfig;
  /** The versioned data bucket backups are written to. */
  readonly bucket: s3.IBucket;
  /**
   * Add the lifecycle rule that expires `backups/<env>/` after `config.retentionDays` to
   * `bucket` (needs a `s3.Bucket` defined in this app). Set false when the bucket's owner adds
   * `backupLifecycleRule(...)` to its own rules instead.
   * @default true
   */
  readonly addLifecycleRule?: boolean;
}

/** Lifecycle rule expiring one environment's backups (noncurrent versions follow the bucket's own rule). */
export function backupLifecycleRule(envName: string, retentionDays: number): s3.LifecycleRule {
  return { id: `expire-backups-${envName}`, prefix: backupKeyPrefix(envName), expiration: Duration.days(retentionDays) };
}

/**
 * Scheduled full backups of the registry (docs/architecture.md §8): an EventBridge rule runs the
 * backup function every `config.intervalMinutes`; it writes `backups/<env>/<UTC timestamp>.jsonl.gz`
 * and publishes `SchemaRegistry/Backups` metrics (lambda/contracts/backup.ts). For monitoring:
 * `backupAgeMetric()` (the newest backup's age, for the monitoring stack's staleness alarm), or
 * `metricBackupSucceeded()` with `stalenessAlarmOptions()`; `backupFunction.function.metricErrors()`
 * for failures.
 */
export class ScheduledBackup extends Construct {
  readonly backupFunction: RegistryClientFunction;
  readonly rule: events.Rule;
  readonly prefix: string;
  /** Hours without a successful backup that count as stale. */
  readonly staleAfterHours: number;
  private readonly envName: string;
  private readonly intervalMinutes: number;

  constructor(scope: Construct, id: string, props: ScheduledBackupProps) {
    super(scope, id);
    const addLifecycleRule = props.addLifecycleRule ?? true;
    throwIfInvalidProps(this, 'ScheduledBackup', [
      ...registryAccessProblems(props),
      ...(SAFE_ENV_NAME.test(props.envName)
        ? []
        : [`envName must be letters, digits and '-' (it becomes the key prefix backups/<env>/), got '${props.envName}'`]),
      ...backupScheduleProblems(props.config, 'config'),
      ...(addLifecycleRule && !(props.bucket instanceof s3.Bucket)
        ? [
            'bucket is not an s3.Bucket defined in this app, so the backup lifecycle rule cannot be added; ' +
              'add backupLifecycleRule(envName, retentionDays) to the bucket owner and pass addLifecycleRule: false',
          ]
        : []),
    ]);
    this.envName = props.envName;
    this.intervalMinutes = props.config.intervalMinutes;
    this.prefix = backupKeyPrefix(props.envName);
    this.staleAfterHours = staleAfterHours(props.config.intervalMinutes);

    this.backupFunction = new RegistryClientFunction(this, 'Function', {
      ...registryFunctionProps(props),
      entry: BACKUP_HANDLER,
      handler: 'handler',
      description: `Schema Registry scheduled backup (${props.envName})`,
      timeout: Duration.minutes(15),
      environment: {
        ...registryAccessEnvironment(props),
        [BACKUP_ENV.bucket]: props.bucket.bucketName,
        [BACKUP_ENV.prefix]: this.prefix,
        [REGISTRY_ACCESS_ENV.envName]: props.envName,
      },
    });
    const fn = this.backupFunction.function;

    // Writes only under backups/<env>/ (multipart uploads need the abort action for cleanup).
    const backupObjects = props.bucket.arnForObjects(`${this.prefix}*`);
    fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:PutObject', 's3:AbortMultipartUpload'], resources: [backupObjects] }));
    // The ARN names a bucket that may live in another stack: its finding id is final only at validation time.
    acknowledgeWildcardResource(
      fn,
      backupObjects,
      'Backups are new objects with a timestamp in the key, so the write permission covers the backups/<env>/ prefix; nothing else in the bucket is writable.',
    );
    // Listing only its own prefix: after a failed run it reports the newest existing backup's age.
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [props.bucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': [this.prefix, `${this.prefix}*`] } },
      }),
    );
    // SSE-KMS writes (multipart included) under the data bucket's key, through S3 for this bucket only.
    grantBucketKeyUse(fn, props.bucket, 'write');
    grantAdminSecretRead(fn, props);
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['cloudwatch:PutMetricData'],
        resources: ['*'],
        conditions: { StringEquals: { 'cloudwatch:namespace': BACKUP_METRIC_NAMESPACE } },
      }),
    );
    acknowledge(fn, {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'cloudwatch:PutMetricData has no resource-level permissions; the statement is limited to the SchemaRegistry/Backups namespace by a cloudwatch:namespace condition.',
    });

    if (addLifecycleRule && props.bucket instanceof s3.Bucket) {
      props.bucket.addLifecycleRule(backupLifecycleRule(props.envName, props.config.retentionDays));
    }

    this.rule = new events.Rule(this, 'Schedule', {
      description: `Schema Registry backup (${props.envName}) every ${props.config.intervalMinutes} minutes`,
      schedule: events.Schedule.rate(Duration.minutes(props.config.intervalMinutes)),
      targets: [new targets.LambdaFunction(fn, { retryAttempts: 3, maxEventAge: Duration.hours(2) })],
    });
  }

  /** The newest-backup-age metric, as the monitoring stack's `backupAgeMetric` prop takes it. */
  backupAgeMetric(): BackupAgeMetricDescription {
    return backupAgeMetricDescription(this.envName, this.intervalMinutes);
  }

  /** `BackupSucceeded` for this environment, summed per hour. */
  metricBackupSucceeded(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return backupSucceededMetric(this.envName, props);
  }

  /** Alarm options for staleness: `metricBackupSucceeded().createAlarm(scope, id, backup.stalenessAlarmOptions())`. */
  stalenessAlarmOptions(): cloudwatch.CreateAlarmOptions {
    return backupStalenessAlarmOptions(this.envName, this.intervalMinutes);
  }
}
