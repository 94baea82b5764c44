import * as path from 'node:path';
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { BackupConfig } from '../../config/backup-config';
import { acknowledge } from '../../nag/acknowledge';
import { RegistryClientFunction } from '../seeding/registry-client-function';
import {
  backupAgeMetricDescription,
  type BackupAgeMetricDescription,
  BACKUP_METRIC_NAMESPACE,
  backupStalenessAlarmOptions,
  backupSucceededMetric,
  staleAfterHours,
} from './backup-metrics';

const BACKUP_HANDLER = path.join(__dirname, '..', '..', '..', 'lambda', 'handlers', 'backup.ts');

export interface ScheduledBackupProps {
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
  /** Base URL of the registry as the function reaches it (the internal load balancer). */
  readonly registryUrl: string;
  /** The registry's load-balancer listener; the function may reach only its port. */
  readonly registryListener: elbv2.IApplicationListener;
  /** Basic-auth admin credentials (`{"username","password"}`). */
  readonly adminSecret: secretsmanager.ISecret;
  readonly vpc: ec2.IVpc;
  /**
   * @default private subnets with egress
   */
  readonly vpcSubnets?: ec2.SubnetSelection;
  /**
   * Memory of the backup function (MB); the registry snapshot is held in memory while it is written.
   * @default 1024
   */
  readonly memorySize?: number;
  readonly logRetention: logs.RetentionDays;
  /**
   * @default RemovalPolicy.DESTROY
   */
  readonly logRemovalPolicy?: RemovalPolicy;
}

/** The key prefix of one environment's backups. */
export function backupPrefix(envName: string): string {
  return `backups/${envName}/`;
}

/** Lifecycle rule expiring one environment's backups (noncurrent versions follow the bucket's own rule). */
export function backupLifecycleRule(envName: string, retentionDays: number): s3.LifecycleRule {
  return { id: `expire-backups-${envName}`, prefix: backupPrefix(envName), expiration: Duration.days(retentionDays) };
}

/**
 * Scheduled full backups of the registry (DESIGN §8): an EventBridge rule runs the backup
 * function every `config.intervalMinutes`; it writes `backups/<env>/<UTC timestamp>.jsonl.gz`
 * and publishes `SchemaRegistry/Backups` metrics. For monitoring: `backupAgeMetric()` (the
 * newest backup's age, for the monitoring stack's staleness alarm), or `metricBackupSucceeded()`
 * with `stalenessAlarmOptions()`; `backupFunction.function.metricErrors()` for failures.
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
    this.envName = props.envName;
    this.intervalMinutes = props.config.intervalMinutes;
    this.prefix = backupPrefix(props.envName);
    this.staleAfterHours = staleAfterHours(props.config.intervalMinutes);

    this.backupFunction = new RegistryClientFunction(this, 'Function', {
      entry: BACKUP_HANDLER,
      handler: 'handler',
      description: `Schema Registry scheduled backup (${props.envName})`,
      timeout: Duration.minutes(15),
      memorySize: props.memorySize,
      environment: {
        REGISTRY_URL: props.registryUrl,
        ADMIN_SECRET_ARN: props.adminSecret.secretArn,
        BACKUP_BUCKET: props.bucket.bucketName,
        BACKUP_PREFIX: this.prefix,
        ENV_NAME: props.envName,
      },
      vpc: props.vpc,
      vpcSubnets: props.vpcSubnets,
      registryListener: props.registryListener,
      logRetention: props.logRetention,
      logRemovalPolicy: props.logRemovalPolicy,
    });
    const fn = this.backupFunction.function;

    // Writes only under backups/<env>/ (multipart uploads need the abort action for cleanup).
    const backupObjects = props.bucket.arnForObjects(`${this.prefix}*`);
    fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:PutObject', 's3:AbortMultipartUpload'], resources: [backupObjects] }));
    // The finding id embeds the rendered ARN, which for a bucket in another stack is final only
    // once the app is prepared (cross-stack references resolved): acknowledge at validation time.
    this.node.addValidation({
      validate: () => {
        acknowledge(fn, {
          id: `AwsSolutions-IAM5[Resource::${nagResourceName(Stack.of(fn).resolve(backupObjects))}]`,
          reason:
            'Backups are new objects with a timestamp in the key, so the write permission covers the backups/<env>/ prefix; nothing else in the bucket is writable.',
        });
        return [];
      },
    });
    // Listing only its own prefix: after a failed run it reports the newest existing backup's age.
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [props.bucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': [this.prefix, `${this.prefix}*`] } },
      }),
    );
    props.bucket.encryptionKey?.grantEncryptDecrypt(fn);
    props.adminSecret.grantRead(fn);
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

    if (props.addLifecycleRule ?? true) {
      if (!(props.bucket instanceof s3.Bucket)) {
        throw new Error(
          'ScheduledBackup: bucket is not an s3.Bucket defined in this app, so the backup lifecycle rule cannot be added; ' +
            'add backupLifecycleRule(envName, retentionDays) to the bucket owner and pass addLifecycleRule: false',
        );
      }
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

/**
 * How cdk-nag spells a resolved IAM resource in granular finding ids: literals as they are,
 * `Fn::GetAtt` as `<LogicalId.Attr>`, `Ref` as `<LogicalId>`, joined.
 */
function nagResourceName(resolved: unknown): string {
  if (typeof resolved === 'string') return resolved;
  const value = resolved as Record<string, unknown>;
  if (Array.isArray(value['Fn::Join'])) {
    const [separator, parts] = value['Fn::Join'] as [string, unknown[]];
    return parts.map(nagResourceName).join(separator);
  }
  if (Array.isArray(value['Fn::GetAtt'])) return `<${(value['Fn::GetAtt'] as string[]).join('.')}>`;
  if (typeof value.Ref === 'string') return `<${value.Ref}>`;
  return JSON.stringify(resolved);
}
