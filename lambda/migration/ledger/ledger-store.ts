import { getDefaultStore, readTextObject, StoreError, writeTextObject, type ExportStore } from '../store';
import type { RegistryIdentity } from '../registry-identity';
import { findPair, LEDGER_FORMAT, pairsHash, withPair, type LedgerFile, type LedgerPair } from './ledger';

/** A ledger that cannot be trusted (unreadable, not a ledger, edited by hand). */
export class LedgerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LedgerError';
  }
}

/**
 * The ledger of one (source, target) pair at a store location (a local path or
 * `s3://bucket/key`). `save` re-reads the file and replaces only this pair, so the pairs of
 * other migrations in the same file (a rollback's, another source's) are kept.
 */
export class PairLedger {
  constructor(
    readonly location: string,
    readonly source: RegistryIdentity,
    readonly target: RegistryIdentity,
    private readonly store: ExportStore = getDefaultStore(),
  ) {}

  async load(): Promise<LedgerPair | undefined> {
    return findPair(await readLedger(this.location, this.store), this.source, this.target);
  }

  async save(pair: LedgerPair): Promise<void> {
    const file = withPair(await readLedger(this.location, this.store), pair);
    await writeTextObject(this.location, `${JSON.stringify(file)}\n`, this.store);
  }
}

/** Reads and checks a ledger file; undefined when there is none yet. */
export async function readLedger(location: string, store: ExportStore = getDefaultStore()): Promise<LedgerFile | undefined> {
  let text: string;
  try {
    text = await readTextObject(location, store);
  } catch (error) {
    if (error instanceof StoreError && error.notFound) return undefined;
    throw new LedgerError(`cannot read the ownership ledger ${location}: ${(error as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new LedgerError(
      `the ownership ledger ${location} is not valid JSON; restore it from the bucket's earlier versions, or move it away to start a new one`,
    );
  }
  const file = value as Partial<LedgerFile>;
  if (file.format !== LEDGER_FORMAT || file.formatVersion !== 1 || !Array.isArray(file.pairs) || typeof file.sha256 !== 'string') {
    throw new LedgerError(`${location} is not an sr-migrate ownership ledger (format ${LEDGER_FORMAT} version 1)`);
  }
  if (pairsHash(file.pairs) !== file.sha256) {
    throw new LedgerError(
      `the ownership ledger ${location} was modified after sr-migrate wrote it (checksum mismatch); ` +
        "restore it from the bucket's earlier versions, or move it away to start a new one (content it recorded then counts as foreign)",
    );
  }
  return file as LedgerFile;
}
