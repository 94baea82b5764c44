import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { createExportWriter, WRITE_BATCH_BYTES } from '../../../../lambda/migration/format/writer';
import { createExportStore } from '../../../../lambda/migration/store';
import { SAMPLE_RECORDS, tempDir } from './export-fixtures';

async function writeSample(
  exportedAt = '2026-11-26T12:00:00.000Z',
): Promise<{ text: string; result: Awaited<ReturnType<ReturnType<typeof createExportWriter>['finish']>> }> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const writer = createExportWriter(sink, { source: { url: 'https://sr.example.com', version: '7.9.1' }, exportedAt });
  for (const record of SAMPLE_RECORDS) await writer.write(record);
  const result = await writer.finish();
  return { text: Buffer.concat(chunks).toString('utf8'), result };
}

test('header first, one line per record in key order, trailer last with counts and sha256 of the lines before it', async () => {
  const { text, result } = await writeSample();
  const lines = text.split('\n');
  expect(lines.pop()).toBe('');
  expect(lines).toHaveLength(SAMPLE_RECORDS.length + 2);
  expect(JSON.parse(lines[0])).toEqual({
    type: 'header',
    format: 'schema-registry-export',
    formatVersion: 1,
    exportedAt: '2026-11-26T12:00:00.000Z',
    source: { url: 'https://sr.example.com', version: '7.9.1' },
  });
  expect(lines.slice(1, -1)).toEqual(SAMPLE_RECORDS.map((r) => JSON.stringify(r)));
  const expectedSha = createHash('sha256')
    .update(
      lines
        .slice(0, -1)
        .map((l) => `${l}\n`)
        .join(''),
    )
    .digest('hex');
  const trailer = JSON.parse(lines[lines.length - 1]);
  expect(trailer).toEqual({ type: 'trailer', counts: { context: 2, schema: 3, config: 2, mode: 1, maxId: 2 }, sha256: expectedSha });
  expect(result).toEqual({ sha256: expectedSha, counts: trailer.counts, lines: SAMPLE_RECORDS.length + 2 });
});

test('the same content and timestamp give byte-identical exports; only the header differs otherwise', async () => {
  const a = await writeSample();
  const b = await writeSample();
  const c = await writeSample('2026-11-27T00:00:00.000Z');
  expect(a.text).toBe(b.text);
  expect(c.text.split('\n').slice(1, -2)).toEqual(a.text.split('\n').slice(1, -2));
});

test('backpressure: waits for drain, so a slow sink never buffers more than one batch', async () => {
  let maxBuffered = 0;
  const slow = new Writable({
    highWaterMark: 1024,
    write(_chunk, _encoding, callback) {
      maxBuffered = Math.max(maxBuffered, slow.writableLength);
      setImmediate(callback);
    },
  });
  const writer = createExportWriter(slow, { source: { url: 'http://x' } });
  const schema = 'x'.repeat(500);
  for (let i = 1; i <= 2000; i++) {
    await writer.write({ type: 'schema', context: '.', subject: `s${i}`, version: 1, id: i, schemaType: 'AVRO', schema, deleted: false });
  }
  const result = await writer.finish();
  expect(result.counts.schema).toBe(2000);
  // 2000 lines of ~600 bytes (1.2 MB) went through; the sink never held more than one batch.
  expect(maxBuffered).toBeLessThanOrEqual(WRITE_BATCH_BYTES + 1024);
});

test('concurrent write() calls land in call order; misuse is refused', async () => {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const writer = createExportWriter(sink, { source: { url: 'http://x' } });
  await Promise.all([1, 2, 3, 4].map((n) => writer.write({ type: 'maxId', context: `.c${n}`, maxId: n })));
  await writer.finish();
  const contexts = Buffer.concat(chunks)
    .toString()
    .split('\n')
    .slice(1, 5)
    .map((l) => JSON.parse(l).context);
  expect(contexts).toEqual(['.c1', '.c2', '.c3', '.c4']);
  await expect(writer.write({ type: 'context', context: '.' })).rejects.toThrow('write() after finish()');
  await expect(writer.finish()).rejects.toThrow('finish() called twice');
  const other = createExportWriter(new PassThrough(), { source: { url: 'http://x' } });
  await expect(other.write({ type: 'trailer' } as never)).rejects.toThrow('unknown record type "trailer"');
});

test('a sink that fails makes write() reject instead of hanging', async () => {
  const failing = new Writable({
    highWaterMark: 16,
    write(_chunk, _encoding, callback) {
      setImmediate(() => callback(new Error('disk full')));
    },
  });
  failing.on('error', () => undefined);
  const writer = createExportWriter(failing, { source: { url: 'http://x' } });
  let failure: unknown;
  const schema = 'x'.repeat(1000);
  for (let i = 1; i <= 1000 && !failure; i++) {
    const record = {
      type: 'schema' as const,
      context: '.',
      subject: `s${i}`,
      version: 1,
      id: i,
      schemaType: 'AVRO' as const,
      schema,
      deleted: false,
    };
    failure = await writer.write(record).then(
      () => undefined,
      (e: unknown) => e,
    );
  }
  expect(String(failure)).toMatch(/disk full|closed before the export was complete/);
});

test('frozenScopes go into the header only when there are some; writes through the file store', async () => {
  const path = join(tempDir(), 'frozen.jsonl');
  const store = createExportStore();
  const handle = await store.openWriteStream(path);
  const writer = createExportWriter(handle.stream, { source: { url: 'http://x' }, frozenScopes: ['', ':.ctx1:'] });
  await writer.finish();
  await handle.done;
  expect(JSON.parse(readFileSync(path, 'utf8').split('\n')[0]).frozenScopes).toEqual(['', ':.ctx1:']);
});
