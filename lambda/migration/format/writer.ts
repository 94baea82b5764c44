import { createHash } from 'node:crypto';
import {
  EXPORT_FORMAT,
  EXPORT_FORMAT_VERSION,
  type BodyRecord,
  type HeaderRecord,
  type TrailerRecord,
} from './records';

/** What the writer needs from its sink: a Node Writable (file, gzip, S3 upload body). */
export interface WritableLike {
  write(chunk: Buffer, callback?: (error?: Error | null) => void): boolean;
  end(callback?: (error?: Error | null) => void): unknown;
  once(event: string, listener: (...args: unknown[]) => void): unknown;
  removeListener(event: string, listener: (...args: unknown[]) => void): unknown;
  readonly destroyed?: boolean;
}

/** Header fields the caller supplies; `type`, `format` and `formatVersion` are filled in. */
export interface ExportHeaderInfo {
  /** Source URL without credentials and its server version when known. */
  readonly source: HeaderRecord['source'];
  /**
   * @default now (ISO 8601)
   */
  readonly exportedAt?: string;
  readonly frozenScopes?: HeaderRecord['frozenScopes'];
}

export type RecordCounts = TrailerRecord['counts'];

export interface ExportWriteResult {
  /** Hex sha256 over every line before the trailer (UTF-8 bytes + "\n"), as in the trailer. */
  readonly sha256: string;
  readonly counts: RecordCounts;
  /** Lines written, header and trailer included. */
  readonly lines: number;
}

export interface ExportWriter {
  /** Appends one record; resolves when the sink accepts more (backpressure). */
  write(record: BodyRecord): Promise<void>;
  /** Writes the trailer, ends the sink and resolves with what the trailer says. */
  finish(): Promise<ExportWriteResult>;
}

const BODY_TYPES = ['context', 'schema', 'config', 'mode', 'maxId'] as const;

/** Bytes collected before one write to the sink; bounds the writer's own buffer. */
export const WRITE_BATCH_BYTES = 64 * 1024;

/**
 * Streams an export (DESIGN §5): the header line first, one JSON line per record in the
 * order given (keys in the record object's order), then the trailer with counts and sha256.
 * Memory stays flat: lines are hashed and handed to the sink in ~64 KB batches, waiting for 'drain'.
 */
export function createExportWriter(sink: WritableLike, info: ExportHeaderInfo): ExportWriter {
  const hash = createHash('sha256');
  const counts: Record<(typeof BODY_TYPES)[number], number> = { context: 0, schema: 0, config: 0, mode: 0, maxId: 0 };
  let lines = 0;
  let state: 'open' | 'finishing' | 'finished' = 'open';
  let pending: Promise<void> = Promise.resolve();

  const header: HeaderRecord = {
    type: 'header',
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    exportedAt: info.exportedAt ?? new Date().toISOString(),
    source: info.source,
    ...(info.frozenScopes && info.frozenScopes.length > 0 ? { frozenScopes: info.frozenScopes } : {}),
  };

  // Lines are handed to the sink in batches of about WRITE_BATCH_BYTES: one sink.write (and one
  // gzip call) per line costs several times more than the JSON work itself.
  let batch: Buffer[] = [];
  let batchBytes = 0;

  const flush = async (): Promise<void> => {
    if (batchBytes === 0) return;
    const chunk = batch.length === 1 ? batch[0] : Buffer.concat(batch, batchBytes);
    batch = [];
    batchBytes = 0;
    if (sink.destroyed) throw new Error('the export sink was closed before the export was complete');
    if (!sink.write(chunk)) await drained(sink);
  };

  const emit = async (record: object, hashed: boolean): Promise<void> => {
    const line = Buffer.from(`${JSON.stringify(record)}\n`, 'utf8');
    if (hashed) hash.update(line);
    lines++;
    batch.push(line);
    batchBytes += line.length;
    if (batchBytes >= WRITE_BATCH_BYTES) await flush();
  };

  // Records are chained so concurrent write() calls still land in call order.
  const enqueue = (work: () => Promise<void>): Promise<void> => {
    pending = pending.then(work);
    return pending;
  };

  enqueue(() => emit(header, true)).catch(() => undefined);

  return {
    write(record: BodyRecord): Promise<void> {
      if (state !== 'open') return Promise.reject(new Error('export writer: write() after finish()'));
      if (!BODY_TYPES.includes(record.type)) {
        return Promise.reject(new Error(`export writer: unknown record type ${JSON.stringify(record.type)}`));
      }
      counts[record.type]++;
      return enqueue(() => emit(record, true));
    },
    async finish(): Promise<ExportWriteResult> {
      if (state !== 'open') throw new Error('export writer: finish() called twice');
      state = 'finishing';
      await pending;
      const sha256 = hash.digest('hex');
      const trailer: TrailerRecord = { type: 'trailer', counts: { ...counts }, sha256 };
      await emit(trailer, false);
      await flush();
      await new Promise<void>((resolve, reject) => {
        const onError = (error: unknown) => reject(error);
        sink.once('error', onError);
        sink.end((error?: Error | null) => {
          sink.removeListener('error', onError);
          if (error) reject(error);
          else resolve();
        });
      });
      state = 'finished';
      return { sha256, counts: { ...counts }, lines };
    },
  };
}

/** Waits for 'drain'; rejects if the sink errors or closes first (e.g. a failed upload). */
async function drained(sink: WritableLike): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const cleanup = () => {
      sink.removeListener('drain', onDrain);
      sink.removeListener('error', onError);
      sink.removeListener('close', onClose);
    };
    const onDrain = () => {
      cleanup();
      resolve();
    };
    const onError = (error: unknown) => {
      cleanup();
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    const onClose = () => {
      cleanup();
      reject(new Error('the export sink closed before the export was complete'));
    };
    sink.once('drain', onDrain);
    sink.once('error', onError);
    sink.once('close', onClose);
  });
}
