import { describeSubject } from '../../registry-client/names';
import type { SchemaRecord } from '../format/records';
import type { RegistrySnapshot } from '../format/snapshot';
import { isOwnReservation } from './reserve';
import { referenceKeys, type SchemaIndex, versionKey } from './schema-index';
import type { ImportConflict } from './types';

/**
 * Reasons an import must not write anything (docs/architecture.md §6, docs/registry-semantics.md §4.2 and §12.2).
 * All of them are found before the first write and reported together.
 */

/** Thrown by `importExport` before any write when the plan has conflicts. */
export class ImportConflictError extends Error {
  constructor(
    readonly conflicts: readonly ImportConflict[],
    /** How the message starts: what was refused. */
    headline = 'Import refused before any write',
  ) {
    super(conflictSummary(conflicts, headline));
    this.name = 'ImportConflictError';
  }
}

/** How many conflicts an error message lists before it says "and N more". */
const LISTED_IN_MESSAGE = 20;

function conflictSummary(conflicts: readonly ImportConflict[], headline: string): string {
  const lines = conflicts.slice(0, LISTED_IN_MESSAGE).map((conflict) => `  - ${conflict.message}`);
  if (conflicts.length > LISTED_IN_MESSAGE) lines.push(`  … and ${conflicts.length - LISTED_IN_MESSAGE} more`);
  return `${headline}: ${conflicts.length} conflict(s) between the source and the target.\n${lines.join('\n')}`;
}

/**
 * Conflicts between what the export has and what the target holds:
 * - an id the target binds, in that context, to other content;
 * - a (subject, version) holding other content or another id (the server would silently overwrite it);
 * - a version soft-deleted on the target but live in the export (the API cannot undelete);
 * - without `force`, target content that is not in this export (the placeholder of this
 *   export's own id reservation does not count, so a re-run needs no --force).
 */
export function findTargetConflicts(
  source: RegistrySnapshot,
  sourceIndex: SchemaIndex,
  target: RegistrySnapshot,
  targetIndex: SchemaIndex,
  options: { force: boolean },
): ImportConflict[] {
  const conflicts: ImportConflict[] = [];

  for (const [key, sourceRecords] of sourceIndex.byId) {
    const targetRecords = targetIndex.byId.get(key);
    if (!targetRecords) continue;
    const expected = sourceIndex.fingerprint(sourceRecords[0]);
    const other = targetRecords.find((record) => targetIndex.fingerprint(record) !== expected);
    if (!other) continue;
    const { context, id } = sourceRecords[0];
    conflicts.push({
      kind: 'id-bound-to-other-content',
      context,
      id,
      subject: other.subject,
      version: other.version,
      message:
        `id ${id} in context "${context}" is bound on the target to other content (target ${describeSubject(other.subject, other.version)}, export ${describeSubject(sourceRecords[0].subject, sourceRecords[0].version)}); ` +
        'import into an empty registry or context, or remove that schema from the target first',
    });
  }

  for (const record of source.schemas) {
    const existing = targetIndex.byVersion.get(versionKey(record.subject, record.version));
    if (!existing) continue;
    if (existing.id !== record.id || targetIndex.fingerprint(existing) !== sourceIndex.fingerprint(record)) {
      conflicts.push({
        kind: 'subject-version-differs',
        context: record.context,
        subject: record.subject,
        version: record.version,
        id: record.id,
        message:
          `${describeSubject(record.subject, record.version)} holds ${existing.id === record.id ? 'other content' : `id ${existing.id}`} on the target but id ${record.id}` +
          `${existing.id === record.id ? ' with different content' : ''} in the export; the server would silently overwrite it, so the import refuses — reconcile that subject on the target first`,
      });
    } else if (existing.deleted && !record.deleted) {
      conflicts.push({
        kind: 'deleted-on-target',
        context: record.context,
        subject: record.subject,
        version: record.version,
        id: record.id,
        message:
          `${describeSubject(record.subject, record.version)} is soft-deleted on the target but live in the export; the API cannot undelete it — ` +
          'permanently delete it on the target (DELETE …?permanent=true) and re-run',
      });
    }
  }

  if (!options.force) {
    const foreignBySubject = new Map<string, number[]>();
    for (const record of target.schemas) {
      if (sourceIndex.byVersion.has(versionKey(record.subject, record.version))) continue;
      if (isOwnReservation(record, source)) continue;
      if (replacedByRegistration(record, sourceIndex, targetIndex)) continue;
      const versions = foreignBySubject.get(record.subject) ?? [];
      versions.push(record.version);
      foreignBySubject.set(record.subject, versions);
    }
    for (const [subject, versions] of foreignBySubject) {
      conflicts.push({
        kind: 'target-not-empty',
        subject,
        message:
          `the target holds ${describeSubject(subject)} version(s) ${versions.join(', ')}, which the source does not have and ` +
          'no import or sync from this source recorded writing (the ownership ledger); pass --force to leave them on the target, ' +
          'or remove them there first',
      });
    }
  }
  return conflicts;
}

/**
 * A soft-deleted target version that the server will remove by itself: registering a
 * version with the same id under the same subject hard-deletes soft-deleted earlier
 * versions with that id (docs/registry-semantics.md §4.2 step 10). The source did exactly that when the schema was
 * registered again, which is why the export lacks the old version (a final sync).
 */
function replacedByRegistration(record: SchemaRecord, sourceIndex: SchemaIndex, targetIndex: SchemaIndex): boolean {
  if (!record.deleted) return false;
  return (sourceIndex.bySubject.get(record.subject) ?? []).some(
    (candidate) =>
      candidate.id === record.id &&
      candidate.version > record.version &&
      !targetIndex.byVersion.has(versionKey(candidate.subject, candidate.version)),
  );
}

/**
 * Problems inside the export itself: one id bound to two contents in a context, or a
 * reference that neither the export nor the target can satisfy (the server would answer
 * 42201 halfway through).
 */
export function findExportConflicts(sourceIndex: SchemaIndex, targetIndex: SchemaIndex): ImportConflict[] {
  const conflicts: ImportConflict[] = [];
  for (const records of sourceIndex.byId.values()) {
    if (records.length < 2) continue;
    const first = records[0];
    const other = records.find((record) => sourceIndex.fingerprint(record) !== sourceIndex.fingerprint(first));
    if (!other) continue;
    conflicts.push({
      kind: 'export-inconsistent',
      context: first.context,
      id: first.id,
      message:
        `the export binds id ${first.id} in context "${first.context}" to two different contents (${describeSubject(first.subject, first.version)} and ${describeSubject(other.subject, other.version)}); ` +
        'the export is damaged — export the source again',
    });
  }
  for (const record of sourceIndex.records) {
    const keys = referenceKeys(record);
    (record.references ?? []).forEach((ref, at) => {
      if (sourceIndex.byVersion.has(keys[at]) || targetIndex.byVersion.has(keys[at])) return;
      conflicts.push({
        kind: 'unresolved-reference',
        context: record.context,
        subject: record.subject,
        version: record.version,
        id: record.id,
        message:
          `${describeSubject(record.subject, record.version)} references "${ref.subject}" version ${ref.version} (as "${ref.name}"), which is neither in the export nor on the target; ` +
          'export the source again, or register the referenced schema on the target first',
      });
    });
  }
  return conflicts;
}
