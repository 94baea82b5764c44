import { resolveReferenceSubject } from '../../registry-client/names';
import type { SchemaRecord } from '../format/records';
import { contentFingerprint } from '../format/schema-content';

/**
 * Lookup tables over one snapshot's schema records, built once per plan so that
 * planning 20,000 versions stays linear.
 */
export interface SchemaIndex {
  readonly records: readonly SchemaRecord[];
  /** versionKey(subject, version) -> record. */
  readonly byVersion: ReadonlyMap<string, SchemaRecord>;
  /** Qualified subject -> its records in version order. */
  readonly bySubject: ReadonlyMap<string, readonly SchemaRecord[]>;
  /** idKey(context, id) -> the records bound to that id. */
  readonly byId: ReadonlyMap<string, readonly SchemaRecord[]>;
  /** The content fingerprint of a record (cached). */
  fingerprint(record: SchemaRecord): string;
}

/** Key of one subject-version; the subject is qualified, so contexts never collide. */
export function versionKey(subject: string, version: number): string {
  return `${subject}\u0000${version}`;
}

/** Key of one id within one context (ids are per context, docs/registry-semantics.md §6). */
export function idKey(context: string, id: number): string {
  return `${context}\u0000${id}`;
}

/** The version keys a record's references point at, resolved against the record's context (docs/registry-semantics.md §6, §12.8). */
export function referenceKeys(record: SchemaRecord): string[] {
  return (record.references ?? []).map((ref) => versionKey(resolveReferenceSubject(record.subject, ref.subject), ref.version));
}

export function indexSchemas(records: readonly SchemaRecord[]): SchemaIndex {
  const byVersion = new Map<string, SchemaRecord>();
  const bySubject = new Map<string, SchemaRecord[]>();
  const byId = new Map<string, SchemaRecord[]>();
  for (const record of records) {
    byVersion.set(versionKey(record.subject, record.version), record);
    push(bySubject, record.subject, record);
    push(byId, idKey(record.context, record.id), record);
  }
  for (const versions of bySubject.values()) versions.sort((a, b) => a.version - b.version);
  return { records, byVersion, bySubject, byId, fingerprint: contentFingerprint };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
