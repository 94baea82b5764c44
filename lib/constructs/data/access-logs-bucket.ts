import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { enableEventBridgeNotifications, SECURE_BUCKET_DEFAULTS } from './secure-bucket-defaults';
import { acknowledge } from '../../nag/acknowledge';

export interface AccessLogsBucketProps {
  /** Days log objects are kept. */
  readonly retentionDays: number;
  /** RETAIN keeps the bucket on stack deletion; DESTROY also empties it. */
  readonly removalPolicy: RemovalPolicy;
}

/**
 * Destination of S3 server access logs and ALB access logs. SSE-S3, because ALB access logging
 * does not support KMS-encrypted buckets; versioned (a log object is never overwritten, so only
 * expired logs become noncurrent, and they go a day later); no Object Lock, which S3 does not
 * allow on a server-access-log destination. Its Control Tower exceptions are listed in
 * lib/nag/control-tower-suppressions.ts.
 */
export class AccessLogsBucket extends Construct {
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: AccessLogsBucketProps) {
    super(scope, id);
    this.bucket = new s3.Bucket(this, 'Bucket', {
      ...SECURE_BUCKET_DEFAULTS,
      encryption: s3.BucketEncryption.S3_MANAGED,
      versioned: true,
      lifecycleRules: [
        {
          id: 'expire-logs',
          expiration: Duration.days(props.retentionDays),
          noncurrentVersionExpiration: Duration.days(1),
        },
        { id: 'remove-expired-delete-markers', expiredObjectDeleteMarker: true },
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
      removalPolicy: props.removalPolicy,
      autoDeleteObjects: props.removalPolicy === RemovalPolicy.DESTROY,
    });
    enableEventBridgeNotifications(this.bucket);
    acknowledge(this.bucket, {
      id: 'AwsSolutions-S1',
      reason: 'This bucket is the access-log destination itself; logging it into itself would loop forever.',
    });
  }
}
