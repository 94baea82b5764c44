import { readerGroupPattern } from '../../../../lib/constructs/kafka-access/kafka-client-permissions';

test.each([
  ['10.40.0.0/16', 'schema-registry-10.40.*'],
  ['10.40.16.0/20', 'schema-registry-10.40.*'],
  ['172.16.5.0/24', 'schema-registry-172.16.5.*'],
  ['10.0.0.0/8', 'schema-registry-10.*'],
])('reader groups in %s match %s', (cidr, pattern) => {
  expect(readerGroupPattern(cidr)).toBe(pattern);
});
