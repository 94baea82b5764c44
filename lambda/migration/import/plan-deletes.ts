import type { SchemaRecord } from '../format/records';
import type { RegistrySnapshot } from '../format/snapshot';
import { describeSubject } from '../../registry-client/names';
import { dependenciesInOrder, topologicalOrder } from './order';
import { isOwnReservation } from './reserve';
import { referenceKeys, type SchemaIndex, versionKey } from './schema-index';
import type { PlannedDelete } from './types';

export interface DeletePlan {
  readonly deletes: PlannedDelete[];
  readonly warnings: string[];
}

type DeleteOp =
  { kind: 'subject'; subject: string; keys: string[] } | { kind: 'version'; subject: string; version: number; keys: string[] };

/**
 * Soft deletes the export has and the target will lack once every version is
 * registered (docs/registry-semantics.md §4.4, §12.9): `DELETE /subjects/{s}` for a subject deleted as a whole,
 * version deletes otherwise; a delete waits for the deletes of its referrers (a live
 * referrer makes the server answer 42206). Also finishes this export's own id
 * placeholder if an interrupted run left it live.
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

  const opByKey = new Map<string, number>();
  ops.forEach((op, at) => op.keys.forEach((key) => opByKey.set(key, at)));
  const referrers = new Map<string, SchemaRecord[]>();
  for (const record of sourceIndex.records) {
    for (const key of referenceKeys(record)) {
      const list = referrers.get(key) ?? [];
      list.push(record);
      referrers.set(key, list);
    }
  }

  const warnings: string[] = [];
  const dependencies = ops.map((op, at) => {
    const deps = new Set<number>();
    for (const key of op.keys) {
      for (const referrer of referrers.get(key) ?? []) {
        const referrerOp = opByKey.get(versionKey(referrer.subject, referrer.version));
        if (referrerOp !== undefined && referrerOp !== at) deps.add(referrerOp);
        else if (referrerOp === undefined && !referrer.deleted) {
          warnings.push(
            `${describeKey(key)} is soft-deleted in the export while live ${describeSubject(referrer.subject, referrer.version)} references it; ` +
              'the target will refuse that delete (42206) — delete the referrer at the source first, or accept the version staying live on the target',
          );
        }
      }
    }
    return [...deps];
  });

  const { order } = topologicalOrder(ops.length, (at) => dependencies[at]);
  const after = dependenciesInOrder(order, (at) => dependencies[at]);
  const deletes = order.map((input, at): PlannedDelete => {
    const op = ops[input];
    return op.kind === 'subject'
      ? { kind: 'subject', subject: op.subject, after: after[at] }
      : { kind: 'version', subject: op.subject, version: op.version, after: after[at] };
  });
  return { deletes, warnings };
}

function describeKey(key: string): string {
  const [subject, version] = key.split('\u0000');
  return describeSubject(subject, Number(version));
}
