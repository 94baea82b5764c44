import * as logs from 'aws-cdk-lib/aws-logs';

/**
 * Maps a day count to the CloudWatch Logs retention enum, rounding up to the next value
 * CloudWatch supports (e.g. 100 -> 120) so a log is never kept shorter than configured.
 */
export function retentionDays(days: number): logs.RetentionDays {
  const supported = Object.values(logs.RetentionDays)
    .filter((v): v is logs.RetentionDays => typeof v === 'number' && v > 0)
    .sort((a, b) => a - b);
  const match = supported.find((v) => v >= days);
  if (match === undefined) throw new Error(`Log retention of ${days} days exceeds the CloudWatch maximum`);
  return match;
}
