import type { Readable } from 'node:stream';
import { getDefaultStore, StoreError, type ExportStore } from '../store';
import { compareContexts } from '../../registry-client/names';
import { ExportFormatError } from './errors';
import { ExportScanner } from './export-scanner';
import { LineTooLongError, splitLines } from './line-splitter';
import type { BodyRecord, ConfigRecord, MaxIdRecord, ModeRecord, SchemaRecord } from './records';
import type { LoadedExport } from './snapshot';
import { compareSchemaRecords } from './order';

export interface ReadExportOptions {
  /**
   * Where `location` is resolved (local path or s3://).
   * @default the process-wide store
   */
  readonly store?: ExportStore;
}

/**
 * Reads an export and validates all of it before returning, so an import can refuse
 * before its first write: header and known formatVersion, every line a JSON record of
 * the documented shape, the trailer present and last, sha256 and counts matching.
 * Throws ExportFormatError (bad file) or StoreError (cannot open).
 */
export async function loadExport(location: string, storeOrOptions?: ExportStore | ReadExportOptions): Promise<LoadedExport> {
  const store = resolveStore(storeOrOptions);
  const scanner = new ExportScanner(location);
  const contexts: string[] = [];
  const schemas: SchemaRecord[] = [];
  const configs: ConfigRecord[] = [];
  const modes: ModeRecord[] = [];
  const maxIds: MaxIdRecord[] = [];
  await scan(location, store, scanner, (record) => {
    switch (record.type) {
      case 'context':
        contexts.push(record.context);
        break;
      case 'schema':
        schemas.push(record);
        break;
      case 'config':
        configs.push(record);
        break;
      case 'mode':
        modes.push(record);
        break;
      case 'maxId':
        maxIds.push(record);
        break;
    }
  });
  const { header, trailer } = scanner.finish();
  return {
    header,
    trailer,
    contexts: contexts.sort(compareContexts),
    schemas: schemas.sort(compareSchemaRecords),
    configs,
    modes,
    maxIds,
  };
}

/**
 * Streams the body records of an export in file order. Integrity (trailer, sha256,
 * counts) is only known at the end: the iterator throws there if it fails, so do not
 * act irreversibly on records before it completes (use loadExport for that). A record
 * that fails the shape checks throws at once.
 */
export async function* readExportRecords(location: string, storeOrOptions?: ExportStore | ReadExportOptions): AsyncGenerator<BodyRecord> {
  const store = resolveStore(storeOrOptions);
  const scanner = new ExportScanner(location);
  const input = await openInput(location, store);
  try {
    for await (const line of splitLines(input)) {
      const record = scanner.accept(line);
      scanner.throwIfProblems();
      if (record) yield record;
    }
  } catch (error) {
    throw translateReadError(error, location);
  } finally {
    input.destroy();
  }
  scanner.finish();
}

/**
 * The export's sha256 as its trailer states it, after checking that the content matches.
 * Identifies an export: the seeding resource uses it to notice a new export.
 */
export async function computeExportDigest(location: string, storeOrOptions?: ExportStore | ReadExportOptions): Promise<string> {
  const store = resolveStore(storeOrOptions);
  const scanner = new ExportScanner(location);
  await scan(location, store, scanner, () => undefined);
  return scanner.finish().trailer.sha256;
}

async function scan(location: string, store: ExportStore, scanner: ExportScanner, onRecord: (record: BodyRecord) => void): Promise<void> {
  const input = await openInput(location, store);
  try {
    for await (const line of splitLines(input)) {
      const record = scanner.accept(line);
      if (record) onRecord(record);
    }
  } catch (error) {
    throw translateReadError(error, location);
  } finally {
    input.destroy();
  }
}

function resolveStore(storeOrOptions: ExportStore | ReadExportOptions | undefined): ExportStore {
  if (storeOrOptions && 'openReadStream' in storeOrOptions) return storeOrOptions;
  return storeOrOptions?.store ?? getDefaultStore();
}

async function openInput(location: string, store: ExportStore): Promise<Readable> {
  return store.openReadStream(location);
}

/** Decompression and size failures become ExportFormatErrors that say what to do. */
function translateReadError(error: unknown, location: string): unknown {
  if (error instanceof ExportFormatError) return error;
  if (error instanceof LineTooLongError) {
    return new ExportFormatError(`${location} is not a schema-registry export: ${error.message}`, location);
  }
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'Z_BUF_ERROR') {
    return new ExportFormatError(
      `export is truncated: the gzip stream ends early; the upload or copy was probably cut off — export again (${location})`,
      location,
    );
  }
  if (code === 'Z_DATA_ERROR') {
    return new ExportFormatError(`${location} is not valid gzip although its name ends in .gz; check the file or rename it`, location);
  }
  if (error instanceof StoreError) return error;
  // A stream that breaks mid-read (connection reset by S3, I/O error): name the export.
  const reason = code ?? (error as Error)?.message ?? String(error);
  return new StoreError(`reading export ${location} failed midway: ${reason}; try again`, location);
}
