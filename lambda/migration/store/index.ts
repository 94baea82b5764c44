import type { S3Client } from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import { openLocalRead, openLocalWrite, removeLocal } from './local-file-store';
import { parseStoreLocation } from './location';
import { defaultS3Client, openS3Read, openS3Write, removeS3 } from './s3-store';
import type { ExportStore } from './export-store';
import type { WriteHandle } from './write-handle';

export type { ExportStore } from './export-store';

export { describeLocation, parseStoreLocation, type StoreLocation } from './location';
export { StoreError, type WriteHandle } from './write-handle';
export { readTextObject, writeTextObject } from './text-object';

export interface ExportStoreOptions {
  /**
   * S3 client for `s3://` locations (inject a mocked one in tests).
   * @default a client from the standard SDK configuration, created on first use
   */
  readonly s3Client?: S3Client;
}

export function createExportStore(options: ExportStoreOptions = {}): ExportStore {
  let s3 = options.s3Client;
  const s3Client = (): S3Client => (s3 ??= defaultS3Client());
  return {
    async openReadStream(location) {
      const parsed = parseStoreLocation(location);
      return parsed.kind === 's3'
        ? openS3Read(s3Client(), parsed.bucket, parsed.key, parsed.gzip)
        : openLocalRead(parsed.path, parsed.gzip);
    },
    async openWriteStream(location) {
      const parsed = parseStoreLocation(location);
      return parsed.kind === 's3'
        ? openS3Write(s3Client(), parsed.bucket, parsed.key, parsed.gzip)
        : openLocalWrite(parsed.path, parsed.gzip);
    },
    async remove(location) {
      const parsed = parseStoreLocation(location);
      return parsed.kind === 's3' ? removeS3(s3Client(), parsed.bucket, parsed.key) : removeLocal(parsed.path);
    },
  };
}

let defaultStore: ExportStore | undefined;

/** The process-wide store with the default S3 client. */
export function getDefaultStore(): ExportStore {
  return (defaultStore ??= createExportStore());
}

export const openReadStream = (location: string, store: ExportStore = getDefaultStore()): Promise<Readable> =>
  store.openReadStream(location);

export const openWriteStream = (location: string, store: ExportStore = getDefaultStore()): Promise<WriteHandle> =>
  store.openWriteStream(location);
