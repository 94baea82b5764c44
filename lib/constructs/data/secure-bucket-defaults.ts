import * as s3 from 'aws-cdk-lib/aws-s3';

/**
 * What every bucket of this app has: TLS-only access (cdk-nag S10), no public access, and
 * bucket-owner-enforced object ownership (no ACLs). Encryption differs per bucket: the data bucket
 * uses the environment's KMS key, the access-log bucket SSE-S3 (ALB access logging accepts nothing else).
 */
export const SECURE_BUCKET_DEFAULTS = {
  enforceSSL: true,
  blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
  objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
} as const satisfies s3.BucketProps;

/**
 * Turns on S3 event notifications to Amazon EventBridge (Control Tower CT.S3.PR.4): free to emit,
 * and object-created/deleted events can then drive audits or downstream jobs without changing the
 * bucket. Set on the L1 resource: the L2's `eventBridgeEnabled` adds a notifications custom-resource
 * Lambda outside the VPC, which this app would then have to justify.
 */
export function enableEventBridgeNotifications(bucket: s3.Bucket): void {
  const cfn = bucket.node.defaultChild as s3.CfnBucket;
  cfn.notificationConfiguration = { eventBridgeConfiguration: { eventBridgeEnabled: true } };
}
