import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, type ExportTrailer } from '../../contracts/export-format';
import type { RegistryConfig, RegistryMode, SchemaContent } from '../../registry-client/types';

/**
 * Records of the export format (docs/architecture.md §5): JSON Lines, one record per line,
 * gzip when the name ends in `.gz`, a header first and a trailer last whose sha256
 * covers every line before it (each line's UTF-8 bytes followed by "\n").
 */

export { EXPORT_FORMAT, EXPORT_FORMAT_VERSION };

export interface HeaderRecord {
  readonly type: 'header';
  readonly format: typeof EXPORT_FORMAT;
  readonly formatVersion: number;
  readonly exportedAt: string;
  /**
   * The source: URL without credentials, server version when known, and its identity
   * (lambda/migration/registry-identity.ts), which ownership ledgers key on.
   */
  readonly source: { readonly url: string; readonly version?: string; readonly id?: string };
  /**
   * Scopes whose READONLY mode was set by `sr-migrate freeze`, so an import does not
   * carry the freeze over to the target (docs/architecture.md §6).
   *
   * The exporter has already taken the freeze out of the mode records: each of these
   * scopes has a mode record holding its PRE-freeze mode, or no mode record when it had
   * none. An importer therefore restores the mode records exactly as written (a frozen
   * scope with a record gets that mode; one without ends unset) and needs no special case;
   * this list is informational (reports, verify messages).
   */
  readonly frozenScopes?: readonly string[];
}

export interface ContextRecord {
  readonly type: 'context';
  /** "." or ".ctx". */
  readonly context: string;
}

/** One subject-version; the content fields (schemaType, schema, references, metadata, ruleSet) as in SchemaContent. */
export interface SchemaRecord extends SchemaContent {
  readonly type: 'schema';
  readonly context: string;
  /** Qualified subject for named contexts (":.ctx:orders-value"), plain in ".". */
  readonly subject: string;
  readonly version: number;
  readonly id: number;
  readonly deleted: boolean;
}

export interface ConfigRecord {
  readonly type: 'config';
  /** A subject, a context ":.ctx:", ":.__GLOBAL:", or "" for the top level. */
  readonly scope: string;
  readonly config: RegistryConfig;
}

export interface ModeRecord {
  readonly type: 'mode';
  readonly scope: string;
  readonly mode: RegistryMode;
}

export interface MaxIdRecord {
  readonly type: 'maxId';
  readonly context: string;
  readonly maxId: number;
}

/** The last line: counts per body record type and the sha256 of every line before it (lambda/contracts/export-format.ts). */
export type TrailerRecord = ExportTrailer;

export type BodyRecord = ContextRecord | SchemaRecord | ConfigRecord | ModeRecord | MaxIdRecord;
export type ExportRecord = HeaderRecord | BodyRecord | TrailerRecord;
