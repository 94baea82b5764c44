import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';

/** What a principal does with a KMS-encrypted bucket's objects. */
export type BucketKeyAccess = 'read' | 'write';

/**
 * KMS actions S3 calls for a principal: reading an SSE-KMS object needs `kms:Decrypt`; writing
 * needs `kms:GenerateDataKey`, and `kms:Decrypt` too for multipart uploads (lib-storage's Upload).
 */
export const BUCKET_KEY_ACTIONS: Record<BucketKeyAccess, readonly string[]> = {
  read: ['kms:Decrypt'],
  write: ['kms:GenerateDataKey', 'kms:Decrypt'],
};

/**
 * Lets `grantee` use the bucket's KMS key for that bucket's objects only: through S3
 * (`kms:ViaService`) and for this bucket (the encryption context S3 sets: the bucket ARN with an
 * S3 Bucket Key, the object ARN without one). Pair it with the S3 permission itself. Does nothing
 * for a bucket without a customer-managed key.
 */
export function grantBucketKeyUse(grantee: iam.IGrantable, bucket: s3.IBucket, access: BucketKeyAccess): void {
  const key = bucket.encryptionKey;
  if (!key) return;
  grantee.grantPrincipal.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: [...BUCKET_KEY_ACTIONS[access]],
      resources: [key.keyArn],
      conditions: {
        StringEquals: { 'kms:ViaService': `s3.${Stack.of(bucket).region}.amazonaws.com` },
        ArnLike: { 'kms:EncryptionContext:aws:s3:arn': [bucket.bucketArn, `${bucket.bucketArn}/*`] },
      },
    }),
  );
}
