import { DEFAULT_BACKUP_CONFIG, validateBackupConfig } from '../../../lib/config/backup-config';

test('the per-environment defaults are valid', () => {
  for (const env of ['dev', 'staging', 'prod'] as const) {
    expect(validateBackupConfig(DEFAULT_BACKUP_CONFIG[env], env)).toEqual([]);
  }
});

test('interval bounds, retention that keeps two backups, and prod rules', () => {
  expect(validateBackupConfig({ enabled: true, intervalMinutes: 5, retentionDays: 7 }, 'dev')).toEqual([
    'backup.intervalMinutes must be a whole number from 15 to 4320 (3 days), got 5',
  ]);
  expect(validateBackupConfig({ enabled: true, intervalMinutes: 4320, retentionDays: 5 }, 'dev')).toEqual([
    'backup.retentionDays (5) must keep at least two backups; raise it above 6 days',
  ]);
  expect(validateBackupConfig({ enabled: true, intervalMinutes: 360, retentionDays: 7 }, 'prod', 'prod.backup')).toEqual([
    'prod.backup.retentionDays must be at least 30 in prod (a restore point older than the last month is often what an incident needs)',
  ]);
  expect(validateBackupConfig({ enabled: false, intervalMinutes: 0, retentionDays: 0 }, 'prod')).toEqual([
    'backup.enabled must be true in prod: backups are the restore path after a bad migration or deletion',
  ]);
  expect(validateBackupConfig({ enabled: false, intervalMinutes: 0, retentionDays: 0 }, 'dev')).toEqual([]);
});
