import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { MIGRATION_METRIC_NAMESPACE } from '../../../lambda/contracts/migration-metrics';
import { MIGRATION_STATE_PREFIX } from '../../../lambda/contracts/migration-state';
import { acknowledge, acknowledgeWildcardResource } from '../../nag/acknowledge';
import { grantAdminSecretRead } from '../registry-access';
import { grantBucketKeyUse } from '../shared/bucket-key-grants';

/** Where `sr-migrate export` writes in the data bucket (docs/runbook.md) and `import` reads. */
export const EXPORTS_PREFIX = 'exports/';
/** Scheduled backups (lambda/contracts/backup.ts): the task may read them, to restore one. */
export const BACKUPS_PREFIX = 'backups/';

/**
 * The source secret by the ARN the config gives: complete (as the console shows it, ending in `-`
 * and six random characters) or partial (without that suffix; IAM then matches any suffix).
 */
export function sourceSecretFromArn(scope: Construct, id: string, arn: string): secretsmanager.ISecret {
  return /-[A-Za-z0-9]{6}$/.test(arn)
    ? secretsmanager.Secret.fromSecretCompleteArn(scope, id, arn)
    : secretsmanager.Secret.fromSecretPartialArn(scope, id, arn);
}

export interface MigrationTaskGrants {
  /** The task role; its cdk-nag acknowledgements are scoped to it. */
  readonly role: iam.IRole;
  readonly bucket: s3.IBucket;
  readonly adminSecret: secretsmanager.ISecret;
  /** The environment key the admin secret is encrypted with (decrypt through Secrets Manager, that secret only). */
  readonly adminSecretKey?: kms.IKey;
  readonly sourceSecret?: secretsmanager.ISecret;
}

/**
 * What the migration task may do, and nothing more: read and write exports (`exports/`), read,
 * write and delete its state (`migrations/`: ledger and freeze records; undo deletes a record),
 * read backups (`backups/`, to restore one), list only those prefixes (a missing object must
 * read as "not found", not "access denied"), read the admin secret and the source secret, and
 * publish metrics in the migration namespace only.
 */
export function grantMigrationTask(grants: MigrationTaskGrants): void {
  const { role, bucket } = grants;
  const exportsObjects = bucket.arnForObjects(`${EXPORTS_PREFIX}*`);
  const stateObjects = bucket.arnForObjects(`${MIGRATION_STATE_PREFIX}*`);
  const backupObjects = bucket.arnForObjects(`${BACKUPS_PREFIX}*`);
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      sid: 'ExportsReadWrite',
      actions: ['s3:GetObject', 's3:PutObject', 's3:AbortMultipartUpload'],
      resources: [exportsObjects],
    }),
  );
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      sid: 'MigrationStateReadWriteDelete',
      actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:AbortMultipartUpload'],
      resources: [stateObjects],
    }),
  );
  role.addToPrincipalPolicy(new iam.PolicyStatement({ sid: 'BackupsRead', actions: ['s3:GetObject'], resources: [backupObjects] }));
  const prefixes = [EXPORTS_PREFIX, MIGRATION_STATE_PREFIX, BACKUPS_PREFIX];
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      sid: 'ListOwnPrefixes',
      actions: ['s3:ListBucket'],
      resources: [bucket.bucketArn],
      conditions: { StringLike: { 's3:prefix': prefixes.flatMap((prefix) => [prefix, `${prefix}*`]) } },
    }),
  );
  // The bucket's key, for this bucket's objects only and only through S3.
  grantBucketKeyUse(role, bucket, 'write');
  grantAdminSecretRead(role, grants);
  grants.sourceSecret?.grantRead(role);
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      sid: 'MigrationMetrics',
      actions: ['cloudwatch:PutMetricData'],
      resources: ['*'],
      conditions: { StringEquals: { 'cloudwatch:namespace': MIGRATION_METRIC_NAMESPACE } },
    }),
  );

  const reasons: Record<string, string> = {
    [exportsObjects]:
      'Exports are new objects named by the operator (timestamps in the key); reads and writes are limited to the exports/ prefix.',
    [stateObjects]:
      'The ledger and the freeze records (one per registry host) live under migrations/; the task reads, writes and deletes only there.',
    [backupObjects]: 'Restoring a scheduled backup reads one object under backups/<env>/, named by timestamp; the task only reads there.',
  };
  for (const [resource, reason] of Object.entries(reasons)) acknowledgeWildcardResource(role, resource, reason);
  acknowledge(role, {
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason:
      'cloudwatch:PutMetricData has no resource-level permissions; the statement is limited to the SchemaRegistry/Migration namespace by a cloudwatch:namespace condition.',
  });
}
