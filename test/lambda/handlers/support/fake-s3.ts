import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { Readable } from 'node:stream';

/**
 * An in-memory S3 behind aws-sdk-client-mock: GetObject serves stored bytes, PutObject
 * (what lib-storage's Upload sends for bodies below one part) stores them, ListObjectsV2
 * lists them (one page). Every S3Client the code under test creates talks to it.
 */
export class FakeS3 {
  readonly mock = mockClient(S3Client);
  readonly objects = new Map<string, Buffer>();
  readonly modified = new Map<string, Date>();

  constructor() {
    this.mock.on(GetObjectCommand).callsFake((input: { Bucket: string; Key: string }) => {
      const bytes = this.objects.get(`${input.Bucket}/${input.Key}`);
      if (!bytes) {
        throw new S3ServiceException({
          name: 'NoSuchKey',
          $fault: 'client',
          $metadata: { httpStatusCode: 404 },
          message: 'The specified key does not exist.',
        });
      }
      return { Body: Readable.from([bytes]), ContentLength: bytes.length };
    });
    this.mock.on(PutObjectCommand).callsFake(async (input: { Bucket: string; Key: string; Body: unknown }) => {
      this.put(input.Bucket, input.Key, await toBuffer(input.Body));
      return { ETag: '"fake"' };
    });
    this.mock.on(ListObjectsV2Command).callsFake((input: { Bucket: string; Prefix?: string }) => ({
      IsTruncated: false,
      Contents: this.keys(input.Bucket)
        .filter((key) => key.startsWith(input.Prefix ?? ''))
        .sort()
        .map((key) => ({ Key: key, LastModified: this.modified.get(`${input.Bucket}/${key}`) })),
    }));
  }

  put(bucket: string, key: string, bytes: Buffer, modified = new Date()): void {
    this.objects.set(`${bucket}/${key}`, bytes);
    this.modified.set(`${bucket}/${key}`, modified);
  }

  keys(bucket: string): string[] {
    return [...this.objects.keys()].filter((k) => k.startsWith(`${bucket}/`)).map((k) => k.slice(bucket.length + 1));
  }

  getCalls(): number {
    return this.mock.commandCalls(GetObjectCommand).length;
  }

  restore(): void {
    this.mock.restore();
  }
}

async function toBuffer(body: unknown): Promise<Buffer> {
  if (Buffer.isBuffer(body)) return body;
  if (body instanceof Uint8Array) return Buffer.from(body);
  if (typeof body === 'string') return Buffer.from(body);
  if (body && typeof (body as Readable)[Symbol.asyncIterator] === 'function') {
    const chunks: Buffer[] = [];
    for await (const chunk of body as Readable) chunks.push(Buffer.from(chunk as Uint8Array));
    return Buffer.concat(chunks);
  }
  throw new Error(`FakeS3: unsupported PutObject body ${typeof body}`);
}
