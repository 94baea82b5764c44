import type { ConfigRecord, HeaderRecord, MaxIdRecord, ModeRecord, SchemaRecord, TrailerRecord } from './records';

/**
 * Everything a registry holds that a migration must carry, in export order.
 * Produced by reading a live registry (export/read-snapshot) or by loading an
 * export file (format/reader); consumed by the import planner and by verify.
 */
export interface RegistrySnapshot {
  /** "." first, then named contexts in lexicographic order. */
  readonly contexts: readonly string[];
  /** Sorted by (context, subject, version). */
  readonly schemas: readonly SchemaRecord[];
  /** Only scopes that have a config set; "" is the top level. */
  readonly configs: readonly ConfigRecord[];
  /** Only scopes that have a mode set; "" is the top level. */
  readonly modes: readonly ModeRecord[];
  /** The highest id ever seen per context (may belong to a hard-deleted schema). */
  readonly maxIds: readonly MaxIdRecord[];
}

/** A validated export file: integrity (trailer, hash, counts, formatVersion) already checked. */
export interface LoadedExport extends RegistrySnapshot {
  readonly header: HeaderRecord;
  readonly trailer: TrailerRecord;
}
