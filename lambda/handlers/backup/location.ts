/**
 * Where scheduled backups go: `s3://<bucket>/backups/<env>/<UTC timestamp>.jsonl.gz` (the
 * prefix is the contract's `backupKeyPrefix`). The timestamp sorts lexicographically in time
 * order, so the newest backup is the last key.
 */

/** `2026-11-26T14-05-09Z`: ISO 8601 in UTC with dashes instead of colons (safe in keys and shells). */
export function backupTimestamp(at: Date): string {
  return at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-');
}

/** `prefix` is the key prefix ending in "/", normally `backupKeyPrefix(env)`. */
export function backupLocation(bucket: string, prefix: string, at: Date): string {
  return `s3://${bucket}/${prefix}${backupTimestamp(at)}.jsonl.gz`;
}
