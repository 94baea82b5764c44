import type { Readable } from 'node:stream';
import type { WriteHandle } from './write-handle';

/** Reads and writes exports by location: a local path or `s3://bucket/key`; `.gz` is gzip. */
export interface ExportStore {
  /** A stream of the export's (decompressed) bytes. Rejects with a StoreError if it cannot be opened. */
  openReadStream(location: string): Promise<Readable>;
  /** A stream to write the export's (uncompressed) bytes into; see WriteHandle. */
  openWriteStream(location: string): Promise<WriteHandle>;
  /** Deletes the object or file; one that does not exist is not an error. */
  remove(location: string): Promise<void>;
}
