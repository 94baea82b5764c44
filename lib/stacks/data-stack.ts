import { Stack, type StackProps } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config';
import { AccessLogsBucket } from '../constructs/data/access-logs-bucket';
import { EnvironmentKey } from '../constructs/data/environment-key';
import { ExportBucket } from '../constructs/data/export-bucket';
import { MskClusterControls } from '../constructs/data/msk-cluster-controls';
import { RegistryAdminSecret } from '../constructs/data/registry-admin-secret';
import { VpcFlowLogs } from '../constructs/data/vpc-flow-logs';
import { MskCluster } from '../constructs/kafka-access/msk-cluster';
import { removalPolicyOf } from '../constructs/shared/removal-policy';

export interface DataStackProps extends StackProps {
  readonly config: EnvironmentConfig;
  readonly vpc: ec2.IVpc;
  /** Prefix of every stack name (and so every generated log-group name) of the environment, e.g. `Prod-`. */
  readonly logGroupNamePrefix: string;
}

/**
 * Stateful resources: the environment's KMS key, the export/backup bucket, the access-log bucket,
 * the admin credentials, the VPC flow logs and, in `create` mode, the MSK cluster holding
 * `_schemas`. Construct ids here are pinned by test/lib/stacks/data-stack.test.ts: renaming one
 * replaces the resource (and loses its data).
 */
export class DataStack extends Stack {
  /** The environment's customer-managed key: log groups, the data bucket, the admin secret. */
  readonly key: kms.Key;
  /** Export and backup bucket (seeding input, scheduled backups, migration state); SSE-KMS. */
  readonly bucket: s3.Bucket;
  /** Destination of S3 server access logs and ALB access logs (SSE-S3). */
  readonly accessLogsBucket: s3.Bucket;
  /** Registry admin credentials, JSON `{"username","password"}`. */
  readonly adminSecret: secretsmanager.Secret;
  /** The MSK cluster, when `kafka.mode` is `create`. */
  readonly mskCluster?: MskCluster;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, { ...props, terminationProtection: props.config.terminationProtection });
    const { config } = props;
    const removalPolicy = removalPolicyOf(config.data);

    this.key = new EnvironmentKey(this, 'EnvironmentKey', {
      environmentName: config.name,
      logGroupNamePrefix: props.logGroupNamePrefix,
      removalPolicy,
    }).key;
    this.accessLogsBucket = new AccessLogsBucket(this, 'AccessLogs', {
      retentionDays: config.data.accessLogRetentionDays,
      removalPolicy,
    }).bucket;
    this.bucket = new ExportBucket(this, 'Exports', {
      accessLogsBucket: this.accessLogsBucket,
      encryptionKey: this.key,
      noncurrentVersionRetentionDays: config.data.noncurrentVersionRetentionDays,
      removalPolicy,
    }).bucket;
    this.adminSecret = new RegistryAdminSecret(this, 'AdminCredentials', {
      environmentName: config.name,
      encryptionKey: this.key,
      removalPolicy,
    }).secret;
    new VpcFlowLogs(this, 'VpcFlowLogs', {
      vpc: props.vpc,
      retentionDays: config.network.flowLogRetentionDays,
      encryptionKey: this.key,
      removalPolicy,
    });

    if (config.kafka.mode === 'create') {
      this.mskCluster = new MskCluster(this, 'Kafka', {
        vpc: props.vpc,
        kafka: config.kafka,
        clusterName: `schema-registry-${config.name}`,
        removalPolicy,
      });
      new MskClusterControls(this, 'KafkaControls', {
        cluster: this.mskCluster,
        vpc: props.vpc,
        encryptionKey: this.key,
        brokerMetrics: config.monitoring.mskBrokerMetrics,
      });
    }
  }
}
