import { describeSubject } from '../../registry-client/names';
import type { SchemaRecord } from '../format/records';
import type { RegistrySnapshot } from '../format/snapshot';
import { describeVersionKey, orderDeletesReferrersFirst, type DeleteOp } from './order-deletes';
import { isOwnReservation } from './reserve';
import { type SchemaIndex, versionKey } from './schema-index';
import type { PlannedDelete } from './types';

export interface DeletePlan {
  readonly deletes: PlannedDelete[];
  readonly warnings: string[];
}

/**
 * Soft deletes the export has and the target will lack once every version is
 * registered (docs/registry-semantics.md §4.4, §12.9): `DELETE /subjects/{s}` for a subject
 * deleted as a whole, version deletes otherwise; a delete waits for the deletes of its
 * referrers (a live referrer makes the server answer 42206). Also finishes this export's own
 * id placeholder if an interrupted run left it live.
 */
export function planDeletes(
  source: RegistrySnapshot,
  sourceIndex: SchemaIndex,
  target: RegistrySnapshot,
  targetIndex: SchemaIndex,
): DeletePlan {
  const liveAfterRegistering = (record: SchemaRecord): boolean => {
    const existing = targetIndex.byVersion.get(versionKey(record.subject, record.version));
    return !existing || !existing.deleted;
  };

  const ops: DeleteOp[] = [];
  for (const [subject, versions] of sourceIndex.bySubject) {
    const pending = versions.filter((record) => record.deleted && liveAfterRegistering(record));
    if (pending.length === 0) continue;
    const wholeSubject =
      versions.every((record) => record.deleted) &&
      (targetIndex.bySubject.get(subject) ?? []).every((record) => sourceIndex.byVersion.has(versionKey(record.subject, record.version)));
    if (wholeSubject) {
      ops.push({ kind: 'subject', subject, keys: pending.map((record) => versionKey(subject, record.version)) });
    } else {
      for (const record of pending)
        ops.push({ kind: 'version', subject, version: record.version, keys: [versionKey(subject, record.version)] });
    }
  }
  for (const record of target.schemas) {
    if (!record.deleted && isOwnReservation(record, source)) {
      ops.push({ kind: 'version', subject: record.subject, version: record.version, keys: [versionKey(record.subject, record.version)] });
    }
  }

  const { deletes, blocked } = orderDeletesReferrersFirst(ops, sourceIndex.records);
  const warnings = blocked.map(({ key, referrer }) => {
    const { subject, version } = describeVersionKey(key);
    return (
      `${describeSubject(subject, version)} is soft-deleted in the export while live ${describeSubject(referrer.subject, referrer.version)} references it; ` +
      'the target will refuse that delete (42206) — delete the referrer at the source first, or accept the version staying live on the target'
    );
  });
  return { deletes, warnings };
}
