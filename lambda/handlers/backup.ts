import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { BACKUP_ENV, backupKeyPrefix } from '../contracts/backup';
import { REGISTRY_ACCESS_ENV } from '../contracts/registry-access';
import type { Context } from 'aws-lambda';
import { exportRegistry } from '../migration/export/export-registry';
import type { S3Client } from '@aws-sdk/client-s3';
import type { ExportStore } from '../migration/store';
import { defaultS3Client } from '../migration/store/s3-store';
import { backupLocation } from './backup/location';
import { publishBackupAge, publishBackupSucceeded } from './backup/metrics';
import { newestBackupAgeSeconds } from './backup/newest-backup';
import { errorMessage, logEvent } from './log';
import { openAdminRegistry } from './open-admin-registry';

/**
 * Scheduled backup (docs/architecture.md §8), run by an EventBridge rule: a full export of the registry to
 * `s3://<BACKUP_BUCKET>/backups/<ENV_NAME>/<UTC timestamp>.jsonl.gz`, then the success metrics.
 * A failure throws (the Lambda Errors metric and the staleness alarm both see it); the export
 * is written only when complete, so a failed run leaves no partial backup behind.
 *
 * Environment (non-secret only, names in lambda/contracts): REGISTRY_URL, ADMIN_SECRET_ARN, ENV_NAME,
 * BACKUP_BUCKET and BACKUP_PREFIX (default `backups/<ENV_NAME>/`; the function's IAM policy allows
 * writes only there).
 */

export interface BackupResult {
  readonly location: string;
  readonly sha256: string;
  readonly subjectVersions: number;
  readonly contexts: number;
}

/** Injectable pieces, so tests can capture the export without S3. */
export interface BackupDependencies {
  readonly store?: ExportStore;
  readonly cloudwatch?: CloudWatchClient;
  readonly s3?: S3Client;
  readonly now?: () => Date;
}

let cloudwatchClient: CloudWatchClient | undefined;
let s3Client: S3Client | undefined;

export async function handler(_event?: unknown, _context?: Context): Promise<BackupResult> {
  return runBackup(process.env);
}

export async function runBackup(env: NodeJS.ProcessEnv, deps: BackupDependencies = {}): Promise<BackupResult> {
  const settings = backupSettings(env);
  const startedAt = (deps.now ?? (() => new Date()))();
  const location = backupLocation(settings.bucket, settings.prefix, startedAt);
  logEvent('backup.start', { location, registryUrl: settings.registryUrl });

  const cloudwatch = deps.cloudwatch ?? (cloudwatchClient ??= new CloudWatchClient({}));
  let result;
  try {
    const api = await openAdminRegistry(settings.registryUrl, settings.adminSecretArn);
    try {
      result = await exportRegistry(api, location, {
        ...(deps.store ? { store: deps.store } : {}),
        exportedAt: startedAt.toISOString(),
        log: (line: string) => logEvent('backup.export', { line }),
      });
    } finally {
      api.close();
    }
  } catch (error) {
    await publishAgeAfterFailure(settings, cloudwatch, deps.s3 ?? (s3Client ??= defaultS3Client()));
    throw new Error(`Backup of ${settings.registryUrl} to ${location} failed: ${errorMessage(error)}`);
  }

  const durationSeconds = (Date.now() - startedAt.getTime()) / 1000;
  await publishBackupSucceeded(cloudwatch, {
    envName: settings.envName,
    subjectVersions: result.counts.schema,
    durationSeconds,
    at: new Date(),
  });
  const summary: BackupResult = {
    location,
    sha256: result.sha256,
    subjectVersions: result.counts.schema,
    contexts: result.counts.context,
  };
  logEvent('backup.complete', { ...summary, durationSeconds });
  return summary;
}

/**
 * Keeps the age metric honest while backups fail: publishes the newest existing backup's age
 * (none yet: nothing, and the alarm's missing-data rule applies). Best effort: its own failure
 * is logged, never hides the backup error.
 */
async function publishAgeAfterFailure(settings: BackupSettings, cloudwatch: CloudWatchClient, s3: S3Client): Promise<void> {
  try {
    const now = new Date();
    const age = await newestBackupAgeSeconds(s3, settings.bucket, settings.prefix, now);
    if (age !== undefined) await publishBackupAge(cloudwatch, settings.envName, age, now);
    logEvent('backup.failed', { newestBackupAgeSeconds: age ?? null });
  } catch (error) {
    logEvent('backup.age-unavailable', { reason: errorMessage(error) });
  }
}

interface BackupSettings {
  readonly registryUrl: string;
  readonly adminSecretArn: string;
  readonly bucket: string;
  readonly envName: string;
  readonly prefix: string;
}

function backupSettings(env: NodeJS.ProcessEnv): BackupSettings {
  const names = { ...REGISTRY_ACCESS_ENV, ...BACKUP_ENV };
  const required = [names.registryUrl, names.adminSecretArn, names.bucket, names.envName];
  const missing = required.filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new Error(
      `Backup function is misconfigured: missing environment variable(s) ${missing.join(', ')} (set by the ScheduledBackup construct)`,
    );
  }
  const envName = env[names.envName]!;
  if (!/^[a-z0-9-]+$/.test(envName)) {
    throw new Error(`Backup function is misconfigured: ${names.envName} "${envName}" must be lowercase letters, digits and dashes`);
  }
  const prefix = env[names.prefix] || backupKeyPrefix(envName);
  if (!prefix.endsWith('/') || prefix.startsWith('/')) {
    throw new Error(`Backup function is misconfigured: ${names.prefix} "${prefix}" must end with "/" and not start with one`);
  }
  return {
    prefix,
    registryUrl: env[names.registryUrl]!.replace(/\/+$/, ''),
    adminSecretArn: env[names.adminSecretArn]!,
    bucket: env[names.bucket]!,
    envName,
  };
}
