import { describeSubject } from '../../registry-client/names';
import type { SchemaRecord } from '../format/records';
import type { RegistrySnapshot } from '../format/snapshot';
import { describeVersionKey, orderDeletesReferrersFirst, type DeleteOp } from './order-deletes';
import { isOwnReservation } from './reserve';
import { type SchemaIndex, versionKey } from './schema-index';
import type { ImportConflict, PlannedDelete } from './types';

/** Which target content an earlier import or sync from this source wrote (see lambda/migration/ledger). */
export type OwnedContent = (record: SchemaRecord) => boolean;

export interface RemovalPlan {
  /** Soft deletes of live versions and subjects to remove, referrers first. */
  readonly soft: PlannedDelete[];
  /** Permanent deletes, referrers first, after every soft delete. */
  readonly permanent: PlannedDelete[];
  /** Version keys of the target records removed. */
  readonly removed: ReadonlySet<string>;
  readonly conflicts: ImportConflict[];
}

/**
 * Mirrors the source's permanent deletes: target versions this migration wrote (`owns`) that
 * the source no longer has as they are: gone, holding another id or other content, or live at
 * the source while soft-deleted here (the API cannot undelete; removing and registering again
 * can). Each is soft-deleted if live, then permanently deleted, referrers first; a subject that
 * loses every version goes with `DELETE /subjects/{s}` twice. Content nobody recorded stays
 * where it is (a conflict, or left alone with --force): nothing is deleted on a guess.
 */
export function planRemovals(
  source: RegistrySnapshot,
  sourceIndex: SchemaIndex,
  target: RegistrySnapshot,
  targetIndex: SchemaIndex,
  owns: OwnedContent,
): RemovalPlan {
  const removable = (record: SchemaRecord): boolean => {
    if (isOwnReservation(record, source) || !owns(record)) return false;
    const wanted = sourceIndex.byVersion.get(versionKey(record.subject, record.version));
    if (!wanted) return true;
    if (wanted.id !== record.id || sourceIndex.fingerprint(wanted) !== targetIndex.fingerprint(record)) return true;
    return record.deleted && !wanted.deleted;
  };

  const softOps: DeleteOp[] = [];
  const permanentOps: DeleteOp[] = [];
  const removed = new Set<string>();
  for (const [subject, versions] of targetIndex.bySubject) {
    const leaving = versions.filter(removable);
    if (leaving.length === 0) continue;
    const keys = leaving.map((record) => versionKey(subject, record.version));
    keys.forEach((key) => removed.add(key));
    const live = leaving.filter((record) => !record.deleted);
    if (leaving.length === versions.length) {
      if (live.length > 0) softOps.push({ kind: 'subject', subject, keys: live.map((record) => versionKey(subject, record.version)) });
      permanentOps.push({ kind: 'subject', subject, keys });
      continue;
    }
    for (const record of leaving) {
      const op: DeleteOp = { kind: 'version', subject, version: record.version, keys: [versionKey(subject, record.version)] };
      if (!record.deleted) softOps.push(op);
      permanentOps.push(op);
    }
  }

  const soft = orderDeletesReferrersFirst(softOps, target.schemas);
  const permanent = orderDeletesReferrersFirst(permanentOps, target.schemas);
  const conflicts = soft.blocked.map(({ key, referrer }): ImportConflict => {
    const { subject, version } = describeVersionKey(key);
    return {
      kind: 'removal-blocked',
      subject,
      version,
      message:
        `${describeSubject(subject, version)} is gone from the source, but live ${describeSubject(referrer.subject, referrer.version)} on the target references it, ` +
        'so the target would refuse to delete it (42206); delete or reconcile the referrer on the target first',
    };
  });
  return { soft: soft.deletes, permanent: permanent.deletes, removed, conflicts };
}
