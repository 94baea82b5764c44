import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { SECURE_BUCKET_DEFAULTS } from './secure-bucket-defaults';

export interface ExportBucketProps {
  /** Receives this bucket's S3 server access logs. */
  readonly accessLogsBucket: s3.IBucket;
  /** Days a replaced or deleted object version is kept. */
  readonly noncurrentVersionRetentionDays: number;
  /** RETAIN keeps the bucket (and every export and backup) on stack deletion. */
  readonly removalPolicy: RemovalPolicy;
}

/**
 * Holds registry exports (the seeding input) and scheduled backups: versioned so an
 * overwritten backup can be recovered, SSE-S3, TLS-only, no public access, access-logged.
 */
export class ExportBucket extends Construct {
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: ExportBucketProps) {
    super(scope, id);
    this.bucket = new s3.Bucket(this, 'Bucket', {
      ...SECURE_BUCKET_DEFAULTS,
      versioned: true,
      serverAccessLogsBucket: props.accessLogsBucket,
      serverAccessLogsPrefix: 'exports-bucket/',
      lifecycleRules: [
        { id: 'expire-noncurrent-versions', noncurrentVersionExpiration: Duration.days(props.noncurrentVersionRetentionDays) },
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(7) },
      ],
      removalPolicy: props.removalPolicy,
      autoDeleteObjects: props.removalPolicy === RemovalPolicy.DESTROY,
    });
  }
}
