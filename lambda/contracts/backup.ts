/**
 * The scheduled backup's contract: where it writes, what it publishes, and what it reads
 * from its environment. Used by lib/constructs/backup (schedule, IAM, alarms) and
 * lambda/handlers/backup.ts (the function).
 */

/** CloudWatch namespace of the backup metrics. */
export const BACKUP_METRIC_NAMESPACE = 'SchemaRegistry/Backups';
/** The one dimension of every backup metric; its value is the environment name. */
export const BACKUP_METRIC_DIMENSION = 'Environment';
/** 1 per successful backup. */
export const BACKUP_SUCCEEDED_METRIC = 'BackupSucceeded';
/** Subject-versions in the newest backup. */
export const BACKUP_SUBJECT_VERSIONS_METRIC = 'BackupSubjectVersions';
/** Wall time of a successful backup, in seconds. */
export const BACKUP_DURATION_METRIC = 'BackupDurationSeconds';
/** Age of the newest backup, published by every run: 0 after a success, the newest existing backup's age after a failure. */
export const BACKUP_AGE_METRIC = 'BackupAgeSeconds';

/** The key prefix of one environment's backups: `backups/<env>/` (IAM and the lifecycle rule are scoped to it). */
export function backupKeyPrefix(envName: string): string {
  return `backups/${envName}/`;
}

/** Environment variables of the backup function, beside the registry-access ones (registry-access.ts). */
export const BACKUP_ENV = {
  /** Name of the data bucket backups are written to. */
  bucket: 'BACKUP_BUCKET',
  /** Key prefix ending in "/"; defaults to `backupKeyPrefix(ENV_NAME)`. */
  prefix: 'BACKUP_PREFIX',
} as const;
