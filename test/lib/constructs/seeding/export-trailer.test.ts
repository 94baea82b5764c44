import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readExportTrailerSha256 } from '../../../../lib/constructs/seeding/export-trailer';

const dir = mkdtempSync(join(tmpdir(), 'trailer-'));
const SHA = 'e'.repeat(64);
const HEADER = '{"type":"header","format":"schema-registry-export","formatVersion":1,"exportedAt":"x","source":{"url":"http://x"}}';
const TRAILER = `{"type":"trailer","counts":{"context":1,"schema":0,"config":0,"mode":0,"maxId":0},"sha256":"${SHA}"}`;

test('reads the trailer sha256 of plain and gzipped exports', () => {
  writeFileSync(join(dir, 'a.jsonl'), `${HEADER}\n{"type":"context","context":"."}\n${TRAILER}\n`);
  writeFileSync(join(dir, 'a.jsonl.gz'), gzipSync(`${HEADER}\n${TRAILER}\n`));
  expect(readExportTrailerSha256(join(dir, 'a.jsonl'))).toBe(SHA);
  expect(readExportTrailerSha256(join(dir, 'a.jsonl.gz'))).toBe(SHA);
});

test('a truncated file, a malformed trailer, a non-gzip .gz and a missing file each say what is wrong', () => {
  writeFileSync(join(dir, 'cut.jsonl'), `${HEADER}\n{"type":"context","context":"."}\n`);
  // The export-format contract's trailer: counts for every record type, not only the hash.
  writeFileSync(join(dir, 'no-counts.jsonl'), `${HEADER}\n{"type":"trailer","sha256":"${SHA}"}\n`);
  writeFileSync(join(dir, 'fake.jsonl.gz'), 'plain text');
  expect(() => readExportTrailerSha256(join(dir, 'cut.jsonl'))).toThrow(/has no export trailer as its last line: the file is truncated/);
  expect(() => readExportTrailerSha256(join(dir, 'no-counts.jsonl'))).toThrow(/has no export trailer as its last line/);
  expect(() => readExportTrailerSha256(join(dir, 'fake.jsonl.gz'))).toThrow(/ends in \.gz but is not gzip data/);
  expect(() => readExportTrailerSha256(join(dir, 'missing.jsonl'))).toThrow(/cannot be read \(ENOENT\); check the path/);
});
