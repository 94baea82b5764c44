import { createHash } from 'node:crypto';
import type { SchemaContent } from '../../registry-client/types';
import { contentFingerprint } from '../format/schema-content';
import type { SchemaRecord } from '../format/records';
import type { RegistryIdentity } from '../registry-identity';

/**
 * The ownership ledger (docs/architecture.md §6.8): which subject-versions an import or sync
 * from one source wrote to one target. Sync, and import of a newer export, may delete target
 * content only when the ledger records it AND the target still holds exactly that content
 * (same id, same content hash). So a lost or stale ledger can only make them delete less:
 * content nobody recorded is never deleted, it is a conflict.
 *
 * One ledger file holds one entry per (source, target) pair, keyed by registry identity, so
 * the same file serves a migration and its rollback (the reverse pair).
 */
export const LEDGER_FORMAT = 'sr-migrate-ledger';

/** [version, id, content hash] of one subject-version the migration wrote. */
export type OwnedVersion = readonly [version: number, id: number, contentHash: string];

export interface LedgerPair {
  readonly source: RegistryIdentity;
  readonly target: RegistryIdentity;
  readonly updatedAt: string;
  /** Subject -> the versions this migration wrote there. */
  readonly versions: Readonly<Record<string, readonly OwnedVersion[]>>;
  /**
   * True while a sync mirrors the source: the target's scopes are held in IMPORT on purpose
   * (verify reports them as held, not as differences). The cut-over and a plain import clear it.
   */
  readonly syncing?: boolean;
  /** When a cut-over last completed for this pair (a sync started before it must stop, not re-hold the target). */
  readonly cutOverAt?: string;
}

export interface LedgerFile {
  readonly format: typeof LEDGER_FORMAT;
  readonly formatVersion: 1;
  readonly pairs: readonly LedgerPair[];
  /** sha256 of `JSON.stringify(pairs)`: a ledger edited by hand is refused, not trusted. */
  readonly sha256: string;
}

/** A short, stable hash of a schema's content identity (type, canonical text, references, metadata, ruleSet). */
export function contentHash(content: SchemaContent): string {
  return contentFingerprint(content).slice(0, 24);
}

/** True when `record` is exactly what `pair` says the migration wrote at its subject-version. */
export function ownsRecord(pair: LedgerPair | undefined, record: SchemaRecord): boolean {
  const owned = pair?.versions[record.subject]?.find(([version]) => version === record.version);
  return owned !== undefined && owned[1] === record.id && owned[2] === contentHash(record);
}

/**
 * The pair after a pass: what it owned before, plus `written` (every source record the pass
 * puts or finds on the target), minus what `removed` (version keys "subject\0version") took
 * away. Entries at a subject-version the source rewrote are replaced by the source's.
 */
export function nextPair(
  previous: LedgerPair | undefined,
  identities: { readonly source: RegistryIdentity; readonly target: RegistryIdentity },
  written: readonly SchemaRecord[],
  removed: ReadonlySet<string> = new Set(),
  options: { readonly syncing?: boolean; readonly cutOverAt?: string; readonly now?: Date } = {},
): LedgerPair {
  const versions = new Map<string, Map<number, OwnedVersion>>();
  const entry = (subject: string): Map<number, OwnedVersion> => {
    let map = versions.get(subject);
    if (!map) versions.set(subject, (map = new Map()));
    return map;
  };
  for (const [subject, owned] of Object.entries(previous?.versions ?? {})) {
    for (const version of owned) {
      if (!removed.has(`${subject}\u0000${version[0]}`)) entry(subject).set(version[0], version);
    }
  }
  for (const record of written) entry(record.subject).set(record.version, [record.version, record.id, contentHash(record)]);
  const sorted: Record<string, OwnedVersion[]> = {};
  for (const subject of [...versions.keys()].sort()) {
    const owned = [...versions.get(subject)!.values()].sort((a, b) => a[0] - b[0]);
    if (owned.length > 0) sorted[subject] = owned;
  }
  return {
    source: identities.source,
    target: identities.target,
    updatedAt: (options.now ?? new Date()).toISOString(),
    versions: sorted,
    ...(options.syncing ? { syncing: true } : {}),
    ...((options.cutOverAt ?? previous?.cutOverAt) ? { cutOverAt: options.cutOverAt ?? previous?.cutOverAt } : {}),
  };
}

/** The pair for (source, target) in `file`, if any. */
export function findPair(file: LedgerFile | undefined, source: RegistryIdentity, target: RegistryIdentity): LedgerPair | undefined {
  return file?.pairs.find((pair) => pair.source.id === source.id && pair.target.id === target.id);
}

/** `file` with `pair` replacing the entry for the same (source, target). */
export function withPair(file: LedgerFile | undefined, pair: LedgerPair): LedgerFile {
  const others = (file?.pairs ?? []).filter((p) => !(p.source.id === pair.source.id && p.target.id === pair.target.id));
  const pairs = [...others, pair].sort((a, b) => (a.source.id + a.target.id < b.source.id + b.target.id ? -1 : 1));
  return { format: LEDGER_FORMAT, formatVersion: 1, pairs, sha256: pairsHash(pairs) };
}

export function pairsHash(pairs: readonly LedgerPair[]): string {
  return createHash('sha256').update(JSON.stringify(pairs)).digest('hex');
}
