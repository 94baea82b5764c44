import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ExportFormatError } from '../../../../lambda/migration/format/errors';
import { computeExportDigest, loadExport, readExportRecords } from '../../../../lambda/migration/format/reader';
import type { BodyRecord } from '../../../../lambda/migration/format/records';
import { createExportWriter } from '../../../../lambda/migration/format/writer';
import { createExportStore } from '../../../../lambda/migration/store';
import { craftExport, HEADER, SAMPLE_RECORDS, tempDir } from './export-fixtures';

const store = createExportStore();
const dir = tempDir();
let n = 0;
const path = (suffix = '.jsonl') => join(dir, `export-${++n}${suffix}`);

async function writeExport(location: string, records: BodyRecord[] = SAMPLE_RECORDS) {
  const handle = await store.openWriteStream(location);
  const writer = createExportWriter(handle.stream, {
    source: { url: 'https://sr.example.com', version: '7.9.1' },
    exportedAt: HEADER.exportedAt,
  });
  for (const record of records) await writer.write(record);
  const result = await writer.finish();
  await handle.done;
  return result;
}

async function rejection(location: string): Promise<ExportFormatError> {
  const error = await loadExport(location, store).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ExportFormatError);
  return error as ExportFormatError;
}

describe('round trip', () => {
  test.each(['.jsonl', '.jsonl.gz'])('writer -> file store -> loadExport (%s)', async (suffix) => {
    const location = path(suffix);
    const written = await writeExport(location);
    const loaded = await loadExport(location, store);
    expect(loaded.header).toEqual(HEADER);
    expect(loaded.trailer).toEqual({ type: 'trailer', counts: written.counts, sha256: written.sha256 });
    expect(loaded.contexts).toEqual(['.', '.ctx1']);
    expect(loaded.schemas).toEqual(SAMPLE_RECORDS.filter((r) => r.type === 'schema'));
    expect(loaded.configs).toEqual(SAMPLE_RECORDS.filter((r) => r.type === 'config'));
    expect(loaded.modes).toEqual(SAMPLE_RECORDS.filter((r) => r.type === 'mode'));
    expect(loaded.maxIds).toEqual(SAMPLE_RECORDS.filter((r) => r.type === 'maxId'));
    expect(await computeExportDigest(location, store)).toBe(written.sha256);
    if (suffix.endsWith('.gz')) expect(readFileSync(location).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
  });

  test('schemas come back sorted by (context, subject, version) whatever the file order', async () => {
    const location = path();
    const [c1, c2, s1, s2, s3] = SAMPLE_RECORDS;
    await writeExport(location, [c2, c1, s3, s2, s1]);
    const loaded = await loadExport(location, { store });
    expect(loaded.contexts).toEqual(['.', '.ctx1']);
    expect(loaded.schemas.map((s) => `${s.context} ${s.subject} ${s.version}`)).toEqual([
      '. common 1',
      '. orders/ünï code value 3',
      '.ctx1 :.ctx1:orders 1',
    ]);
  });

  test('readExportRecords streams body records in file order', async () => {
    const location = path('.gz');
    await writeExport(location);
    const seen: BodyRecord[] = [];
    for await (const record of readExportRecords(location, store)) seen.push(record);
    expect(seen).toEqual(SAMPLE_RECORDS);
  });
});

describe('rejections (nothing is returned, so an import refuses before any write)', () => {
  test('truncated: no trailer', async () => {
    const location = path();
    await writeExport(location);
    const text = readFileSync(location, 'utf8');
    writeFileSync(location, text.slice(0, Math.floor(text.length / 2)));
    const error = await rejection(location);
    expect(error.message).toMatch(/^export is truncated: no trailer record; the upload or copy was probably cut off — export again/);
  });

  test('truncated gzip stream', async () => {
    const location = path('.gz');
    await writeExport(location);
    const bytes = readFileSync(location);
    writeFileSync(location, bytes.subarray(0, bytes.length - 20));
    const error = await rejection(location);
    expect(error.message).toMatch(/^export is truncated/);
  });

  test('a .gz name on a file that is not gzip', async () => {
    const location = path('.gz');
    writeFileSync(location, `${JSON.stringify(HEADER)}\n`);
    expect((await rejection(location)).message).toMatch(/is not valid gzip although its name ends in \.gz/);
  });

  test('a tampered line (still valid JSON): checksum mismatch', async () => {
    const location = path();
    await writeExport(location);
    writeFileSync(location, readFileSync(location, 'utf8').replace('"id":100042', '"id":100043'));
    const error = await rejection(location);
    expect(error.message).toMatch(/^export was modified after it was written: checksum mismatch/);
  });

  test('a tampered gzip export: checksum mismatch', async () => {
    const location = path('.gz');
    await writeExport(location);
    const { gunzipSync } = await import('node:zlib');
    const text = gunzipSync(readFileSync(location)).toString('utf8').replace('"deleted":true', '"deleted":false');
    writeFileSync(location, gzipSync(text));
    expect((await rejection(location)).message).toMatch(/checksum mismatch/);
  });

  test('counts that do not match the trailer', async () => {
    const location = path();
    craftExport(location, [HEADER, ...SAMPLE_RECORDS], { countsOverride: { schema: 4 } });
    expect((await rejection(location)).message).toMatch(/counts do not match the trailer: 3 schema records in the file, 4 in the trailer/);
  });

  test('an unknown (newer) format version', async () => {
    const location = path();
    craftExport(location, [{ ...HEADER, formatVersion: 2 }, ...SAMPLE_RECORDS]);
    expect((await rejection(location)).message).toBe('export format version 2 is newer than this tool understands (1); upgrade sr-migrate');
  });

  test('missing header', async () => {
    const location = path();
    craftExport(location, SAMPLE_RECORDS);
    expect((await rejection(location)).message).toMatch(/is not a schema-registry export: line 1 is not a header record/);
  });

  test('an empty file', async () => {
    const location = path();
    writeFileSync(location, '');
    expect((await rejection(location)).message).toMatch(/is empty/);
  });

  test('a malformed JSON line is reported with its line number', async () => {
    const location = path();
    craftExport(location, [HEADER, SAMPLE_RECORDS[0], '{"type":"context","context":".ctx1"', ...SAMPLE_RECORDS.slice(2)]);
    const error = await rejection(location);
    expect(error.message).toMatch(/line 3 is not a JSON record/);
  });

  test('a malformed line in an otherwise signed file: the checksum mismatch names the unreadable line', async () => {
    const location = path();
    await writeExport(location);
    const lines = readFileSync(location, 'utf8').split('\n');
    lines[4] = lines[4].slice(0, 20);
    writeFileSync(location, lines.join('\n'));
    expect((await rejection(location)).message).toMatch(/checksum mismatch \(.*; line 5 is not valid JSON\)/);
  });

  test('structural problems: missing fields, undeclared context, wrong context, duplicates, maxId below ids', async () => {
    const location = path();
    const schema = SAMPLE_RECORDS[2] as unknown as Record<string, unknown>;
    const { id: _dropped, ...withoutId } = schema;
    craftExport(location, [
      HEADER,
      { type: 'context', context: '.' },
      withoutId,
      { ...schema, context: '.nowhere', subject: ':.nowhere:x' },
      { ...schema, subject: ':.ctx9:y' },
      schema,
      schema,
      { type: 'mode', scope: '', mode: 'SLEEPING' },
      { type: 'maxId', context: '.', maxId: 1 },
      { type: 'bogus' },
    ]);
    const error = await rejection(location);
    expect(error.problems).toEqual(
      expect.arrayContaining([
        'line 3 (schema): id must be an integer >= 0',
        'line 5 (schema): subject ":.ctx9:y" does not belong to context .',
        'line 7: common version 1 appears twice',
        'line 8 (mode): mode must be one of READWRITE, READONLY, READONLY_OVERRIDE, IMPORT, FORWARD',
        'line 10: unknown record type "bogus"',
        'line 4: context .nowhere is used but has no context record',
        'line 9: maxId 1 for context . is below schema id 5 in the same context',
      ]),
    );
    expect(error.message).toMatch(/^export .* is invalid: line 3 \(schema\): id must be an integer >= 0; /);
    expect(error.problems).toHaveLength(7);
  });

  test('a trailer that is not last', async () => {
    const location = path();
    craftExport(location, [HEADER, ...SAMPLE_RECORDS]);
    writeFileSync(location, `${readFileSync(location, 'utf8')}${JSON.stringify(SAMPLE_RECORDS[0])}\n`);
    expect((await rejection(location)).message).toMatch(/the trailer on line 12 is not the last record \(line 13 follows it\)/);
  });

  test('computeExportDigest refuses a tampered export; readExportRecords throws at the end of a truncated one', async () => {
    const location = path();
    await writeExport(location);
    const intact = readFileSync(location, 'utf8');
    writeFileSync(location, intact.replace('FULL', 'NONE'));
    await expect(computeExportDigest(location, store)).rejects.toThrow(/checksum mismatch/);
    writeFileSync(location, intact.split('\n').slice(0, -2).join('\n'));
    const seen: BodyRecord[] = [];
    await expect(
      (async () => {
        for await (const record of readExportRecords(location, store)) seen.push(record);
      })(),
    ).rejects.toThrow(/^export is truncated/);
    expect(seen).toHaveLength(SAMPLE_RECORDS.length);
  });

  test('readExportRecords stops at the first unusable record, naming its line', async () => {
    const location = path();
    craftExport(location, [HEADER, SAMPLE_RECORDS[0], { type: 'mode', scope: '', mode: 'SLEEPING' }, ...SAMPLE_RECORDS.slice(1)]);
    const seen: BodyRecord[] = [];
    await expect(
      (async () => {
        for await (const record of readExportRecords(location, store)) seen.push(record);
      })(),
    ).rejects.toThrow(/is invalid: line 3 \(mode\): mode must be one of/);
    expect(seen).toEqual([SAMPLE_RECORDS[0]]);
  });

  test('a stream that breaks midway is a store error naming the export', async () => {
    const { Readable } = await import('node:stream');
    const broken = {
      openReadStream: async () =>
        new Readable({
          read() {
            this.push(`${JSON.stringify(HEADER)}\n`);
            this.destroy(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
          },
        }),
      openWriteStream: async () => {
        throw new Error('unused');
      },
      remove: async () => {
        throw new Error('unused');
      },
    };
    await expect(loadExport('s3://b/k.jsonl', broken)).rejects.toThrow(
      'reading export s3://b/k.jsonl failed midway: ECONNRESET; try again',
    );
  });

  test('a missing file is a store error naming the path', async () => {
    await expect(loadExport(join(dir, 'nope.jsonl'), store)).rejects.toThrow(
      `cannot read export ${join(dir, 'nope.jsonl')}: no such file; check the path`,
    );
  });
});
