import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { Readable } from 'node:stream';
import { gunzipSync, gzipSync } from 'node:zlib';
import { loadExport } from '../../../../lambda/migration/format/reader';
import { createExportWriter } from '../../../../lambda/migration/format/writer';
import { createExportStore, StoreError } from '../../../../lambda/migration/store';
import { defaultS3Client } from '../../../../lambda/migration/store/s3-store';
import { SAMPLE_RECORDS } from '../format/export-fixtures';

const s3 = mockClient(S3Client);
const client = new S3Client({ region: 'eu-west-1', credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test' } });
const store = createExportStore({ s3Client: client });

beforeEach(() => s3.reset());

function toBuffer(body: unknown): Buffer {
  if (Buffer.isBuffer(body)) return body;
  if (body instanceof Uint8Array) return Buffer.from(body);
  if (typeof body === 'string') return Buffer.from(body);
  throw new Error(`unexpected body type ${typeof body}`);
}

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

test('a small export is one PutObject with the bytes the writer produced (gzip by suffix)', async () => {
  s3.on(PutObjectCommand).resolves({});
  const handle = await store.openWriteStream('s3://exports/dev/export.jsonl.gz');
  const writer = createExportWriter(handle.stream, { source: { url: 'http://x' } });
  for (const record of SAMPLE_RECORDS) await writer.write(record);
  const result = await writer.finish();
  await handle.done;
  const input = s3.commandCalls(PutObjectCommand)[0].args[0].input;
  expect(input).toMatchObject({ Bucket: 'exports', Key: 'dev/export.jsonl.gz', ContentType: 'application/gzip' });
  const text = gunzipSync(toBuffer(input.Body)).toString('utf8');
  expect(text.split('\n')).toHaveLength(SAMPLE_RECORDS.length + 3);
  expect(JSON.parse(text.trim().split('\n').pop() as string).sha256).toBe(result.sha256);
});

test('a large export streams as a multipart upload', async () => {
  s3.on(CreateMultipartUploadCommand).resolves({ UploadId: 'up-1' });
  s3.on(UploadPartCommand).callsFake((input: { PartNumber: number }) => ({ ETag: `"etag-${input.PartNumber}"` }));
  s3.on(CompleteMultipartUploadCommand).resolves({});
  const handle = await store.openWriteStream('s3://exports/big.jsonl');
  const line = `${'x'.repeat(1023)}\n`;
  for (let i = 0; i < 6 * 1024; i++) {
    if (!handle.stream.write(line)) await new Promise((resolve) => handle.stream.once('drain', resolve));
  }
  handle.stream.end();
  await handle.done;
  const parts = s3.commandCalls(UploadPartCommand).map((c) => toBuffer(c.args[0].input.Body).length);
  expect(parts.length).toBeGreaterThanOrEqual(2);
  expect(parts.reduce((a, b) => a + b, 0)).toBe(6 * 1024 * 1024);
  expect(s3.commandCalls(CompleteMultipartUploadCommand)[0].args[0].input).toMatchObject({
    Bucket: 'exports',
    Key: 'big.jsonl',
    UploadId: 'up-1',
  });
});

test('a failed upload rejects done with a clear message and unblocks the writer', async () => {
  s3.on(PutObjectCommand).rejects(Object.assign(new Error('Access Denied'), { name: 'AccessDenied' }));
  s3.on(CreateMultipartUploadCommand).rejects(Object.assign(new Error('Access Denied'), { name: 'AccessDenied' }));
  s3.on(AbortMultipartUploadCommand).resolves({});
  const handle = await store.openWriteStream('s3://locked/export.jsonl');
  const writer = createExportWriter(handle.stream, { source: { url: 'http://x' } });
  // 40 MB: more than the upload buffers (queueSize 4 x 5 MB parts), so the writer must be
  // blocked on 'drain' when the upload fails.
  const schema = 'x'.repeat(1024);
  const writing = (async () => {
    for (let i = 1; i <= 40_000; i++) {
      await writer.write({ type: 'schema', context: '.', subject: `s${i}`, version: 1, id: i, schemaType: 'AVRO', schema, deleted: false });
    }
    await writer.finish();
  })();
  await expect(handle.done).rejects.toThrow(
    'access denied to write s3://locked/export.jsonl; check the IAM policy allows s3:PutObject (and kms:GenerateDataKey for SSE-KMS) and the bucket policy',
  );
  await expect(writing).rejects.toThrow();
});

test('reads plain and gzip objects and validates them like files', async () => {
  const handle = await createExportStore({ s3Client: client }).openWriteStream('s3://b/e.jsonl');
  const captured: Buffer[] = [];
  s3.on(PutObjectCommand).callsFake((input: { Body: unknown }) => {
    captured.push(toBuffer(input.Body));
    return {};
  });
  const writer = createExportWriter(handle.stream, { source: { url: 'http://x' } });
  for (const record of SAMPLE_RECORDS) await writer.write(record);
  await writer.finish();
  await handle.done;
  const bytes = Buffer.concat(captured);

  s3.on(GetObjectCommand, { Bucket: 'b', Key: 'e.jsonl' }).callsFake(() => ({ Body: Readable.from([bytes]) }));
  s3.on(GetObjectCommand, { Bucket: 'b', Key: 'e.jsonl.gz' }).callsFake(() => ({ Body: Readable.from([gzipSync(bytes)]) }));
  expect(await readAll(await store.openReadStream('s3://b/e.jsonl'))).toBe(bytes.toString('utf8'));
  const loaded = await loadExport('s3://b/e.jsonl.gz', store);
  expect(loaded.schemas).toHaveLength(3);
});

test('a missing object or bucket is named with the fix', async () => {
  s3.on(GetObjectCommand, { Key: 'missing.jsonl' }).rejects(
    Object.assign(new Error('The specified key does not exist.'), { name: 'NoSuchKey' }),
  );
  s3.on(GetObjectCommand, { Key: 'nobucket.jsonl' }).rejects(Object.assign(new Error('nope'), { name: 'NoSuchBucket' }));
  await expect(store.openReadStream('s3://b/missing.jsonl')).rejects.toThrow(
    new StoreError('export s3://b/missing.jsonl not found; check the bucket and key', 's3://b/missing.jsonl'),
  );
  await expect(store.openReadStream('s3://b/nobucket.jsonl')).rejects.toThrow(/bucket of s3:\/\/b\/nobucket.jsonl does not exist/);
});

test('the default client honours AWS_ENDPOINT_URL_S3 with path-style addressing', async () => {
  const custom = defaultS3Client({ AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:9000', AWS_REGION: 'us-east-1' });
  expect(custom.config.forcePathStyle).toBe(true);
  const endpoint = await custom.config.endpoint?.();
  expect(endpoint?.hostname).toBe('127.0.0.1');
  expect(defaultS3Client({}).config.forcePathStyle).toBe(false);
});
