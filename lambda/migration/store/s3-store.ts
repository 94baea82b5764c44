import { DeleteObjectCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { PassThrough, pipeline, type Readable, type Writable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { quiet, StoreError, type WriteHandle } from './write-handle';

/**
 * An S3 client from the standard SDK configuration (region, credentials chain). A custom
 * endpoint (AWS_ENDPOINT_URL_S3, else AWS_ENDPOINT_URL; e.g. MinIO, LocalStack) switches to
 * path-style addressing, which those servers need.
 */
export function defaultS3Client(env: NodeJS.ProcessEnv = process.env): S3Client {
  const endpoint = env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL;
  return new S3Client(endpoint ? { endpoint, forcePathStyle: true } : {});
}

/** Streams `s3://bucket/key`, gunzipping when `gzip`. */
export async function openS3Read(client: S3Client, bucket: string, key: string, gzip: boolean): Promise<Readable> {
  const location = `s3://${bucket}/${key}`;
  let body: Readable;
  try {
    const output = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    if (!output.Body) throw new StoreError(`export ${location} has no content`, location);
    body = output.Body as Readable;
  } catch (error) {
    throw s3Error(error, 'read', location);
  }
  if (!gzip) return body;
  const gunzip = createGunzip();
  pipeline(body, gunzip, () => undefined);
  return gunzip;
}

/**
 * Streams an upload to `s3://bucket/key` (multipart above 5 MB; memory stays bounded by
 * queueSize × partSize). The object appears only when the upload completes.
 */
export function openS3Write(client: S3Client, bucket: string, key: string, gzip: boolean): WriteHandle {
  const location = `s3://${bucket}/${key}`;
  const entry: Writable = gzip ? createGzip() : new PassThrough();
  const upload = new Upload({
    client,
    params: {
      Bucket: bucket,
      Key: key,
      Body: entry as unknown as Readable,
      ContentType: gzip ? 'application/gzip' : 'application/x-ndjson',
    },
    queueSize: 4,
    leavePartsOnError: false,
  });
  let aborted: Error | undefined;
  const done = quiet(
    upload.done().then(
      () => {
        if (aborted) throw aborted;
      },
      (error: unknown) => {
        // Unblock a writer waiting for 'drain' on a stream nobody reads any more.
        const failure = aborted ?? s3Error(error, 'write', location);
        entry.destroy(failure);
        throw failure;
      },
    ),
  );
  return {
    stream: entry,
    done,
    async abort(reason?: Error) {
      aborted = reason ?? new StoreError(`upload to ${location} was aborted`, location);
      entry.destroy(aborted);
      await upload.abort().catch(() => undefined);
      await done.catch(() => undefined);
    },
  };
}

/** Deletes `s3://bucket/key` (in a versioned bucket: a delete marker; earlier versions stay recoverable). */
export async function removeS3(client: S3Client, bucket: string, key: string): Promise<void> {
  try {
    await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
  } catch (error) {
    throw s3Error(error, 'delete', `s3://${bucket}/${key}`);
  }
}

/** Maps SDK failures to one message naming the cause and the fix. */
export function s3Error(error: unknown, action: 'read' | 'write' | 'delete', location: string): StoreError {
  if (error instanceof StoreError) return error;
  const name = (error as { name?: string })?.name ?? 'Error';
  const message = (error as Error)?.message ?? String(error);
  const verb = action;
  const permission = {
    read: 's3:GetObject (and kms:Decrypt for SSE-KMS)',
    write: 's3:PutObject (and kms:GenerateDataKey for SSE-KMS)',
    delete: 's3:DeleteObject',
  }[action];
  if (name === 'NoSuchKey' || name === 'NotFound') {
    return new StoreError(`export ${location} not found; check the bucket and key`, location, true);
  }
  if (name === 'NoSuchBucket') return new StoreError(`bucket of ${location} does not exist; check the bucket name`, location);
  if (name === 'AccessDenied' || name === 'Forbidden' || name === 'AllAccessDisabled') {
    return new StoreError(
      `access denied to ${verb} ${location}; check the IAM policy allows ${permission} and the bucket policy`,
      location,
    );
  }
  if (name === 'CredentialsProviderError' || /credential/i.test(message)) {
    return new StoreError(
      `no AWS credentials to ${verb} ${location}; set AWS_PROFILE or AWS credentials, or run with an IAM role`,
      location,
    );
  }
  if (/region is missing/i.test(message)) {
    return new StoreError(`no AWS region to ${verb} ${location}; set AWS_REGION`, location);
  }
  return new StoreError(`cannot ${verb} ${location}: ${name}: ${message}`, location);
}
