import { describeLocation, parseStoreLocation } from '../../../../lambda/migration/store/location';

test('local paths and s3 URLs, gzip by suffix', () => {
  expect(parseStoreLocation('./out/export.jsonl')).toEqual({ kind: 'file', path: './out/export.jsonl', gzip: false });
  expect(parseStoreLocation('/tmp/e.jsonl.GZ')).toEqual({ kind: 'file', path: '/tmp/e.jsonl.GZ', gzip: true });
  expect(parseStoreLocation('s3://bucket/backups/dev/2026.jsonl.gz')).toEqual({
    kind: 's3',
    bucket: 'bucket',
    key: 'backups/dev/2026.jsonl.gz',
    gzip: true,
  });
  expect(describeLocation(parseStoreLocation('s3://b/k.jsonl'))).toBe('s3://b/k.jsonl');
});

test('bad locations are refused with the expected form', () => {
  expect(() => parseStoreLocation('s3://bucket-only')).toThrow(
    's3://bucket-only is not a valid S3 location; expected s3://bucket/path/to/export.jsonl.gz',
  );
  expect(() => parseStoreLocation('s3://bucket/prefix/')).toThrow(/not a valid S3 location/);
  expect(() => parseStoreLocation('https://example.com/e.jsonl')).toThrow(/unsupported export location scheme/);
  expect(() => parseStoreLocation('  ')).toThrow(/export location is empty/);
});
