import { readerGroupPattern } from '../../../../lib/constructs/kafka-access/kafka-client-permissions';

test.each([
  ['10.40.0.0/16', 'schema-registry', 'schema-registry-10.40.*'],
  ['10.40.16.0/20', 'schema-registry', 'schema-registry-10.40.*'],
  ['172.16.5.0/24', 'sr-team-a', 'sr-team-a-172.16.5.*'],
  ['10.0.0.0/8', 'schema-registry', 'schema-registry-10.*'],
])('reader groups of %s and group %s match %s', (cidr, groupId, pattern) => {
  expect(readerGroupPattern(cidr, groupId)).toBe(pattern);
});
