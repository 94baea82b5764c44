import { qualifySubject, unqualifiedName } from '../../registry-client/names';
import type { RegisterSchemaRequest } from '../../registry-client/types';
import type { SchemaRecord } from '../format/records';
import type { RegistrySnapshot } from '../format/snapshot';
import type { SchemaIndex } from './schema-index';
import type { PlannedReservation } from './types';

/**
 * Id reservation (docs/registry-semantics.md §4.3, §12.10): a context's highest id can belong to a
 * hard-deleted schema, above every exported id. Unless the target has seen that id, it
 * would hand it out again while old Kafka records still carry it. The import registers a
 * placeholder at that id in this subject (per context) and soft-deletes it at once, as
 * Karapace's migrator does. Verify treats it as the import's own bookkeeping.
 */
export const RESERVED_ID_SUBJECT = '_sr-migrate-reserved-id';

/** True for the placeholder subject in any context. */
export function isReservedIdSubject(subject: string): boolean {
  return unqualifiedName(subject) === RESERVED_ID_SUBJECT;
}

/**
 * True when `record` is a placeholder an import of this source made: in the placeholder
 * subject, at an id no higher than the export's max id for the context. That covers this
 * export's own reservation (a re-run) and the one an earlier export of the same source
 * left behind (a final sync after new registrations raised the max id), so neither is
 * mistaken for foreign content that would need --force.
 */
export function isOwnReservation(record: SchemaRecord, source: RegistrySnapshot): boolean {
  if (!isReservedIdSubject(record.subject)) return false;
  return source.maxIds.some((max) => max.context === record.context && record.id <= max.maxId);
}

/** A tiny Avro record, unique per id, that documents why it exists. */
export function placeholderRequest(id: number, version: number): RegisterSchemaRequest {
  const schema = JSON.stringify({
    type: 'record',
    name: 'ReservedId',
    namespace: 'sr_migrate',
    doc: `Placeholder written by sr-migrate so that schema id ${id} is never handed out again.`,
    fields: [],
  });
  return { schema, schemaType: 'AVRO', id, version };
}

/**
 * One reservation per context whose source max id is above every exported id and above every
 * id the target still holds a schema for (live or soft-deleted). The target's own reported max
 * id does not count: it may belong to a permanently deleted schema, and after `_schemas` is
 * compacted and the server restarts, such an id can be handed out again
 * (docs/registry-semantics.md §4.3); a soft-deleted placeholder cannot.
 */
export function planReservations(
  source: RegistrySnapshot,
  sourceIndex: SchemaIndex,
  target: RegistrySnapshot,
  targetIndex: SchemaIndex,
): PlannedReservation[] {
  const maxExportedId = maxIdPerContext(source.schemas);
  const maxTargetId = maxIdPerContext(target.schemas);

  const reservations: PlannedReservation[] = [];
  for (const { context, maxId } of source.maxIds) {
    if (maxId <= (maxExportedId.get(context) ?? 0)) continue;
    if (maxId <= (maxTargetId.get(context) ?? 0)) continue;
    const subject = qualifySubject(context, RESERVED_ID_SUBJECT);
    const versions = [...(sourceIndex.bySubject.get(subject) ?? []), ...(targetIndex.bySubject.get(subject) ?? [])];
    const version = versions.reduce((max, record) => Math.max(max, record.version), 0) + 1;
    reservations.push({ context, subject, version, id: maxId, request: placeholderRequest(maxId, version) });
  }
  return reservations;
}

function maxIdPerContext(records: readonly SchemaRecord[]): Map<string, number> {
  const max = new Map<string, number>();
  for (const record of records) max.set(record.context, Math.max(max.get(record.context) ?? 0, record.id));
  return max;
}

/**
 * The snapshot without the id-reservation placeholders an earlier import left (schemas,
 * configs and modes of the placeholder subject): what a migration carries from a registry
 * that was itself a target. The reserved id stays in the context's maxId record.
 */
export function withoutIdPlaceholders(snapshot: RegistrySnapshot): RegistrySnapshot {
  if (!snapshot.schemas.some((record) => isReservedIdSubject(record.subject))) return snapshot;
  return {
    ...snapshot,
    schemas: snapshot.schemas.filter((record) => !isReservedIdSubject(record.subject)),
    configs: snapshot.configs.filter((record) => !isReservedIdSubject(record.scope)),
    modes: snapshot.modes.filter((record) => !isReservedIdSubject(record.scope)),
  };
}
