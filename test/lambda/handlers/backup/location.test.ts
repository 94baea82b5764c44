import { backupKeyPrefix } from '../../../../lambda/contracts/backup';
import { backupLocation, backupTimestamp } from '../../../../lambda/handlers/backup/location';

test('backups go to backups/<env>/<UTC timestamp>.jsonl.gz, keys sorting in time order', () => {
  const at = new Date('2026-11-26T14:05:09.123Z');
  expect(backupTimestamp(at)).toBe('2026-11-26T14-05-09Z');
  expect(backupLocation('data-bucket', backupKeyPrefix('prod'), at)).toBe('s3://data-bucket/backups/prod/2026-11-26T14-05-09Z.jsonl.gz');
  const later = backupTimestamp(new Date('2026-11-26T14:05:10Z'));
  const nextDay = backupTimestamp(new Date('2026-11-27T00:00:00Z'));
  expect([nextDay, later, backupTimestamp(at)].sort()).toEqual([backupTimestamp(at), later, nextDay]);
});
