import { isSameSeeding, parseSeedProperties } from '../../../../lambda/handlers/seed/properties';

const SHA_A = 'a'.repeat(64);
const SHA_B = 'b'.repeat(64);
const base = {
  ExportBucket: 'bucket',
  ExportKey: 'exports/e.jsonl.gz',
  ExportSha256: SHA_A,
  RegistryUrl: 'http://internal-alb:8081/',
  AdminSecretArn: 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:x',
};

test('parses string properties, normalises the URL and the hash case', () => {
  expect(parseSeedProperties({ ...base, ExportSha256: SHA_A.toUpperCase(), ServiceToken: 'arn:x' })).toEqual({
    exportBucket: 'bucket',
    exportKey: 'exports/e.jsonl.gz',
    exportSha256: SHA_A,
    registryUrl: 'http://internal-alb:8081',
    adminSecretArn: base.AdminSecretArn,
    ecsCluster: undefined,
    ecsService: undefined,
  });
});

test('rejects non-string values (CloudFormation sends strings only) and half an ECS pair', () => {
  expect(() => parseSeedProperties({ ...base, ExportKey: 7, EcsService: 'svc' })).toThrow(
    'Invalid seeding properties: ExportKey must be a string; EcsCluster and EcsService must be set together',
  );
});

describe('isSameSeeding', () => {
  const next = parseSeedProperties(base);
  test('same hash and registry -> same, even under another key', () => {
    expect(isSameSeeding({ ...base, ExportKey: 'elsewhere.jsonl.gz' }, next)).toBe(true);
  });
  test('a new hash -> not the same', () => {
    expect(isSameSeeding({ ...base, ExportSha256: SHA_B }, next)).toBe(false);
  });
  test('another registry -> not the same (a replaced registry is seeded again)', () => {
    expect(isSameSeeding({ ...base, RegistryUrl: 'http://other:8081' }, next)).toBe(false);
  });
  test('without pinned hashes the location decides', () => {
    const { ExportSha256: _omit, ...unpinned } = base;
    expect(isSameSeeding(unpinned, parseSeedProperties(unpinned))).toBe(true);
    expect(isSameSeeding({ ...unpinned, ExportKey: 'new.jsonl.gz' }, parseSeedProperties(unpinned))).toBe(false);
  });
  test('unreadable old properties -> seed again (idempotent)', () => {
    expect(isSameSeeding({ Garbage: true }, next)).toBe(false);
    expect(isSameSeeding(undefined, next)).toBe(false);
  });
});
