import { createHash } from 'node:crypto';
import { EXPORT_BODY_TYPES, type ExportBodyType } from '../../contracts/export-format';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, type BodyRecord, type HeaderRecord, type TrailerRecord } from './records';

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

/**
 * Text collected before one write to the sink; bounds the writer's own buffer. Counted in
 * UTF-16 units (string length), which equals bytes for ASCII, the usual schema text.
 */
export const WRITE_BATCH_BYTES = 64 * 1024;

/**
 * Streams an export (docs/architecture.md §5): the header line first, one JSON line per record in the
 * order given (keys in the record object's order), then the trailer with counts and sha256.
 * Memory stays flat: lines are hashed and handed to the sink in ~64 KB batches, waiting for 'drain'.
 * Hashing a batch gives the same digest as hashing its lines one by one (sha256 is streaming).
 */
export function createExportWriter(sink: WritableLike, info: ExportHeaderInfo): ExportWriter {
  const hash = createHash('sha256');
  const counts: Record<ExportBodyType, number> = { context: 0, schema: 0, config: 0, mode: 0, maxId: 0 };
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
  // gzip call) per line costs several times more than the JSON work itself. The batch is kept as
  // one string and encoded and hashed once per flush, not once per line (a visible cost in export profiles).
  let batch = '';

  /** Encodes the batch, hashes it unless it is the trailer, and writes it to the sink. */
  const flush = async (hashed: boolean): Promise<void> => {
    if (batch === '') return;
    const chunk = Buffer.from(batch, 'utf8');
    batch = '';
    if (hashed) hash.update(chunk);
    if (sink.destroyed) throw new Error('the export sink was closed before the export was complete');
    if (!sink.write(chunk)) await drained(sink);
  };

  /** Every line but the trailer's is hashed; the trailer goes through `finish`. */
  const emit = async (record: object): Promise<void> => {
    batch += `${JSON.stringify(record)}\n`;
    lines++;
    if (batch.length >= WRITE_BATCH_BYTES) await flush(true);
  };

  // Records are chained so concurrent write() calls still land in call order.
  const enqueue = (work: () => Promise<void>): Promise<void> => {
    pending = pending.then(work);
    return pending;
  };

  enqueue(() => emit(header)).catch(() => undefined);

  return {
    write(record: BodyRecord): Promise<void> {
      if (state !== 'open') return Promise.reject(new Error('export writer: write() after finish()'));
      if (!EXPORT_BODY_TYPES.includes(record.type)) {
        return Promise.reject(new Error(`export writer: unknown record type ${JSON.stringify(record.type)}`));
      }
      counts[record.type]++;
      return enqueue(() => emit(record));
    },
    async finish(): Promise<ExportWriteResult> {
      if (state !== 'open') throw new Error('export writer: finish() called twice');
      state = 'finishing';
      await pending;
      await flush(true);
      const sha256 = hash.digest('hex');
      const trailer: TrailerRecord = { type: 'trailer', counts: { ...counts }, sha256 };
      batch = `${JSON.stringify(trailer)}\n`;
      lines++;
      await flush(false);
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
