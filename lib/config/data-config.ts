import type { EnvironmentName } from './environment-name';
import { isPositiveInteger } from './validation/formats';

/**
 * Stateful resources of the Data stack: the export/backup bucket, the access-log bucket
 * and what happens to them (and to the admin secret, the environment key and the MSK cluster) on
 * stack deletion.
 */
export interface DataConfig {
  /**
   * `retain` keeps buckets, the admin secret, the environment's KMS key, the log groups and the
   * MSK cluster when the stack is deleted or a resource is replaced; `destroy` deletes them (bucket objects included). Prod must retain.
   * @default 'destroy' (dev), 'retain' (staging, prod)
   */
  readonly removalPolicy: 'retain' | 'destroy';

  /**
   * Days a replaced or deleted object version stays in the export/backup bucket.
   * @default 30 (dev), 90 (staging), 365 (prod)
   */
  readonly noncurrentVersionRetentionDays: number;

  /**
   * Days access logs (S3 server access logs, ALB access logs) are kept.
   * @default 30 (dev), 90 (staging), 365 (prod)
   */
  readonly accessLogRetentionDays: number;
}

/** Problems in `data` (retention, removal policy). */
export function validateDataConfig(data: DataConfig, name: EnvironmentName): string[] {
  const problems: string[] = [];
  if (data.removalPolicy !== 'retain' && data.removalPolicy !== 'destroy') {
    problems.push(`data.removalPolicy: '${String(data.removalPolicy)}' must be 'retain' or 'destroy'`);
  }
  if (name === 'prod' && data.removalPolicy !== 'retain') {
    problems.push("data.removalPolicy: prod must be 'retain' (schemas, backups and the admin secret must survive a stack deletion)");
  }
  for (const field of ['noncurrentVersionRetentionDays', 'accessLogRetentionDays'] as const) {
    if (!isPositiveInteger(data[field])) problems.push(`data.${field}: ${data[field]} must be a positive whole number of days`);
  }
  return problems;
}
