import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { enableEventBridgeNotifications, SECURE_BUCKET_DEFAULTS } from './secure-bucket-defaults';

export interface ExportBucketProps {
  /** Receives this bucket's S3 server access logs. */
  readonly accessLogsBucket: s3.IBucket;
  /** The environment's key: objects are SSE-KMS with an S3 Bucket Key (few KMS calls, low cost). */
  readonly encryptionKey: kms.IKey;
  /** Days a replaced or deleted object version is kept. */
  readonly noncurrentVersionRetentionDays: number;
  /** RETAIN keeps the bucket (and every export and backup) on stack deletion. */
  readonly removalPolicy: RemovalPolicy;
}

/**
 * Holds registry exports (the seeding input), scheduled backups and migration state: versioned so
 * an overwritten backup can be recovered, SSE-KMS with the environment key, Object Lock enabled
 * (no default retention, so nothing is locked unless a writer asks for it), TLS-only, no public
 * access, access-logged, events to EventBridge. Readers and writers need `kms:Decrypt` /
 * `kms:GenerateDataKey` on the key as well (`grantBucketKeyUse`).
 */
export class ExportBucket extends Construct {
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: ExportBucketProps) {
    super(scope, id);
    this.bucket = new s3.Bucket(this, 'Bucket', {
      ...SECURE_BUCKET_DEFAULTS,
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: props.encryptionKey,
      bucketKeyEnabled: true,
      versioned: true,
      objectLockEnabled: true,
      serverAccessLogsBucket: props.accessLogsBucket,
      serverAccessLogsPrefix: 'exports-bucket/',
      lifecycleRules: [
        { id: 'expire-noncurrent-versions', noncurrentVersionExpiration: Duration.days(props.noncurrentVersionRetentionDays) },
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(7) },
      ],
      removalPolicy: props.removalPolicy,
      autoDeleteObjects: props.removalPolicy === RemovalPolicy.DESTROY,
    });
    enableEventBridgeNotifications(this.bucket);
  }
}
