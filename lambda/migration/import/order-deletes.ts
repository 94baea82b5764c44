import type { SchemaRecord } from '../format/records';
import { dependenciesInOrder, topologicalOrder } from './order';
import { referenceKeys, versionKey } from './schema-index';
import type { PlannedDelete } from './types';

/** A delete before ordering: which subject-versions (version keys) it affects. */
export type DeleteOp =
  | { readonly kind: 'subject'; readonly subject: string; readonly keys: readonly string[] }
  | { readonly kind: 'version'; readonly subject: string; readonly version: number; readonly keys: readonly string[] };

export interface OrderedDeletes {
  readonly deletes: PlannedDelete[];
  /** Referrers that stay live while a version they reference is deleted (the server answers 42206). */
  readonly blocked: ReadonlyArray<{ readonly key: string; readonly referrer: SchemaRecord }>;
}

/**
 * Orders deletes referrers first (docs/registry-semantics.md §12.9): a delete waits for the
 * deletes of every record in `records` that references what it deletes. A live referrer that no
 * op deletes is reported in `blocked`.
 */
export function orderDeletesReferrersFirst(ops: readonly DeleteOp[], records: readonly SchemaRecord[]): OrderedDeletes {
  const opByKey = new Map<string, number>();
  ops.forEach((op, at) => op.keys.forEach((key) => opByKey.set(key, at)));
  const referrers = new Map<string, SchemaRecord[]>();
  for (const record of records) {
    for (const key of referenceKeys(record)) {
      const list = referrers.get(key) ?? [];
      list.push(record);
      referrers.set(key, list);
    }
  }

  const blocked: Array<{ key: string; referrer: SchemaRecord }> = [];
  const dependencies = ops.map((op, at) => {
    const deps = new Set<number>();
    for (const key of op.keys) {
      for (const referrer of referrers.get(key) ?? []) {
        const referrerOp = opByKey.get(versionKey(referrer.subject, referrer.version));
        if (referrerOp !== undefined && referrerOp !== at) deps.add(referrerOp);
        else if (referrerOp === undefined && !referrer.deleted) blocked.push({ key, referrer });
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
  return { deletes, blocked };
}

/** "subject \"x\" version 3" from a version key. */
export function describeVersionKey(key: string): { subject: string; version: number } {
  const [subject, version] = key.split('\u0000');
  return { subject, version: Number(version) };
}
