import { Stack, type StackProps } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config';
import { AccessLogsBucket } from '../constructs/data/access-logs-bucket';
import { ExportBucket } from '../constructs/data/export-bucket';
import { RegistryAdminSecret } from '../constructs/data/registry-admin-secret';
import { MskCluster } from '../constructs/kafka-access/msk-cluster';
import { removalPolicyOf } from '../constructs/shared/removal-policy';

export interface DataStackProps extends StackProps {
  readonly config: EnvironmentConfig;
  readonly vpc: ec2.IVpc;
}

/**
 * Stateful resources: the export/backup bucket, the access-log bucket, the admin credentials
 * and, in `create` mode, the MSK cluster holding `_schemas`. Construct ids here are pinned by
 * test/stacks/data-stack.test.ts: renaming one replaces the resource (and loses its data).
 */
export class DataStack extends Stack {
  /** Export and backup bucket (seeding input, scheduled backups). */
  readonly bucket: s3.Bucket;
  /** Destination of S3 server access logs and ALB access logs (SSE-S3). */
  readonly accessLogsBucket: s3.Bucket;
  /** Registry admin credentials, JSON `{"username","password"}`. */
  readonly adminSecret: secretsmanager.Secret;
  /** The MSK cluster, when `kafka.mode` is `create`. */
  readonly mskCluster?: MskCluster;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, { ...props, terminationProtection: props.config.data.terminationProtection });
    const { config } = props;
    const removalPolicy = removalPolicyOf(config.data);

    this.accessLogsBucket = new AccessLogsBucket(this, 'AccessLogs', {
      retentionDays: config.data.accessLogRetentionDays,
      removalPolicy,
    }).bucket;
    this.bucket = new ExportBucket(this, 'Exports', {
      accessLogsBucket: this.accessLogsBucket,
      noncurrentVersionRetentionDays: config.data.noncurrentVersionRetentionDays,
      removalPolicy,
    }).bucket;
    this.adminSecret = new RegistryAdminSecret(this, 'AdminCredentials', {
      environmentName: config.name,
      removalPolicy,
    }).secret;

    if (config.kafka.mode === 'create') {
      this.mskCluster = new MskCluster(this, 'Kafka', {
        vpc: props.vpc,
        kafka: config.kafka,
        clusterName: `schema-registry-${config.name}`,
        removalPolicy,
      });
    }
  }
}
