import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { retentionDays } from '../../../../lib/constructs/shared/retention';

test('rounds up to the next retention CloudWatch supports', () => {
  expect(retentionDays(30)).toBe(RetentionDays.ONE_MONTH);
  expect(retentionDays(100)).toBe(RetentionDays.FOUR_MONTHS);
  expect(retentionDays(365)).toBe(RetentionDays.ONE_YEAR);
});
