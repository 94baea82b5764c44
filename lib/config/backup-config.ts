import type { EnvironmentName } from './environment-name';
import { isPositiveInteger } from './validation/formats';

/**
 * Scheduled backups of the registry (docs/architecture.md §8): a full export to
 * `s3://<data bucket>/backups/<env>/<UTC timestamp>.jsonl.gz` on a schedule, expired by a
 * lifecycle rule on that prefix.
 */
export interface BackupConfig {
  /**
   * Run scheduled backups.
   * @default true
   */
  readonly enabled: boolean;

  /**
   * Minutes between two backups (EventBridge `rate`). From 15 minutes to 3 days.
   * @default 1440 (dev, staging: daily), 360 (prod: every 6 hours)
   */
  readonly intervalMinutes: number;

  /**
   * Days a backup object is kept before the lifecycle rule expires it (its noncurrent
   * versions then follow the data bucket's noncurrent-version rule). Must keep at least two
   * backups, i.e. exceed the interval.
   * @default 7 (dev), 30 (staging), 90 (prod)
   */
  readonly retentionDays: number;
}

export const DEFAULT_BACKUP_CONFIG: Record<EnvironmentName, BackupConfig> = {
  dev: { enabled: true, intervalMinutes: 1440, retentionDays: 7 },
  staging: { enabled: true, intervalMinutes: 1440, retentionDays: 30 },
  prod: { enabled: true, intervalMinutes: 360, retentionDays: 90 },
};

const MIN_INTERVAL_MINUTES = 15;
// The staleness alarm evaluates hourly periods; CloudWatch caps an alarm's window at 7 days.
const MAX_INTERVAL_MINUTES = 3 * 24 * 60;

/** Problems with a backup config, each naming the field and the fix; [] when valid. */
export function validateBackupConfig(config: BackupConfig, envName: EnvironmentName, path = 'backup'): string[] {
  if (!config.enabled) {
    return envName === 'prod'
      ? [`${path}.enabled must be true in prod: backups are the restore path after a bad migration or deletion`]
      : [];
  }
  const problems = backupScheduleProblems(config, path);
  if (envName === 'prod' && isPositiveInteger(config.retentionDays) && config.retentionDays < 30) {
    problems.push(
      `${path}.retentionDays must be at least 30 in prod (a restore point older than the last month is often what an incident needs)`,
    );
  }
  return problems;
}

/**
 * Problems with the schedule and retention alone, whatever the environment: what the
 * ScheduledBackup construct needs to build its rule, alarm and lifecycle rule.
 */
export function backupScheduleProblems(config: Pick<BackupConfig, 'intervalMinutes' | 'retentionDays'>, path = 'backup'): string[] {
  const problems: string[] = [];
  if (
    !isPositiveInteger(config.intervalMinutes) ||
    config.intervalMinutes < MIN_INTERVAL_MINUTES ||
    config.intervalMinutes > MAX_INTERVAL_MINUTES
  ) {
    problems.push(
      `${path}.intervalMinutes must be a whole number from ${MIN_INTERVAL_MINUTES} to ${MAX_INTERVAL_MINUTES} (3 days), got ${config.intervalMinutes}`,
    );
  }
  if (!isPositiveInteger(config.retentionDays)) {
    problems.push(`${path}.retentionDays must be a whole number of days, got ${config.retentionDays}`);
  } else if (isPositiveInteger(config.intervalMinutes) && config.retentionDays * 1440 < 2 * config.intervalMinutes) {
    problems.push(
      `${path}.retentionDays (${config.retentionDays}) must keep at least two backups; raise it above ${Math.ceil((2 * config.intervalMinutes) / 1440)} days`,
    );
  }
  return problems;
}
