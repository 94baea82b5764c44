import * as s3 from 'aws-cdk-lib/aws-s3';

/**
 * What every bucket of this app has: SSE-S3 (ALB access logging does not accept KMS-encrypted
 * buckets, and one encryption mode keeps the buckets alike), TLS-only access (cdk-nag S10), no
 * public access, and bucket-owner-enforced object ownership (no ACLs).
 */
export const SECURE_BUCKET_DEFAULTS = {
  encryption: s3.BucketEncryption.S3_MANAGED,
  enforceSSL: true,
  blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
  objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
} as const satisfies s3.BucketProps;
