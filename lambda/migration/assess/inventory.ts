import type { RegistryConfig, RegistryMode, SchemaType } from '../../registry-client/types';
import type { SchemaRecord } from '../format/records';
import type { RegistrySnapshot } from '../format/snapshot';
import { canonicalSubject, contextOf, DEFAULT_CONTEXT } from '../../registry-client/names';

/** Planning inventory of a registry (docs/architecture.md §6 "Assess"). */
export interface Inventory {
  readonly serverVersion?: string;
  readonly totals: InventoryCounts;
  /** One entry per context, "." first. */
  readonly contexts: readonly ContextInventory[];
  readonly references: {
    /** Longest chain of references (edges): A -> B -> D is 2; 0 when nothing references anything. */
    readonly maxDepth: number;
    /** Subject-versions that have at least one reference. */
    readonly versionsWithReferences: number;
    /** Distinct subject-versions that something references. */
    readonly referencedVersions: number;
  };
  readonly configs: readonly { readonly scope: string; readonly config: RegistryConfig }[];
  readonly modes: readonly { readonly scope: string; readonly mode: RegistryMode }[];
  /** The five largest schema texts (UTF-8 bytes). */
  readonly largestSchemas: readonly { readonly subject: string; readonly version: number; readonly id: number; readonly bytes: number }[];
  readonly estimate: ImportEstimate;
}

export interface InventoryCounts {
  readonly subjects: number;
  readonly versions: number;
  readonly softDeletedVersions: number;
  /** Subjects whose every version is soft-deleted. */
  readonly softDeletedSubjects: number;
  /** Distinct ids. */
  readonly ids: number;
  readonly byType: Readonly<Record<SchemaType, number>>;
}

export interface ContextInventory extends InventoryCounts {
  readonly context: string;
  readonly maxId?: number;
}

export interface ImportEstimate {
  /** HTTP writes an import into an empty registry makes. */
  readonly writes: number;
  readonly breakdown: {
    readonly registrations: number;
    readonly softDeletes: number;
    readonly idReservations: number;
    readonly configs: number;
    readonly modes: number;
    /** Entering IMPORT per scope plus the first registration in each context. */
    readonly contextEntries: number;
  };
  readonly msPerWrite: number;
  readonly seconds: number;
  readonly assumption: string;
}

/** @default 10 ms per write: a healthy leader with a few writes in flight (docs/registry-semantics.md §7, §12.15). */
export const DEFAULT_MS_PER_WRITE = 10;

/** Builds the inventory from a snapshot (pure). */
export function buildInventory(snapshot: RegistrySnapshot, serverVersion?: string, msPerWrite = DEFAULT_MS_PER_WRITE): Inventory {
  const maxIds = new Map(snapshot.maxIds.map((m) => [m.context, m.maxId]));
  const contexts = snapshot.contexts.map((context): ContextInventory => {
    const maxId = maxIds.get(context);
    return { context, ...count(snapshot.schemas.filter((s) => s.context === context)), ...(maxId !== undefined ? { maxId } : {}) };
  });
  const totals = count(snapshot.schemas);

  const largestSchemas = [...snapshot.schemas]
    .map((s) => ({ subject: s.subject, version: s.version, id: s.id, bytes: Buffer.byteLength(s.schema, 'utf8') }))
    .sort((a, b) => b.bytes - a.bytes || (a.subject < b.subject ? -1 : 1))
    .slice(0, 5);

  return {
    ...(serverVersion ? { serverVersion } : {}),
    totals,
    contexts,
    references: referenceStats(snapshot.schemas),
    configs: snapshot.configs.map((c) => ({ scope: c.scope, config: c.config })),
    modes: snapshot.modes.map((m) => ({ scope: m.scope, mode: m.mode })),
    largestSchemas,
    estimate: estimateImport(snapshot, totals, msPerWrite),
  };
}

function count(schemas: readonly SchemaRecord[]): InventoryCounts {
  const bySubject = new Map<string, boolean>();
  const byType: Record<SchemaType, number> = { AVRO: 0, PROTOBUF: 0, JSON: 0 };
  const ids = new Set<string>();
  let softDeletedVersions = 0;
  for (const s of schemas) {
    bySubject.set(s.subject, (bySubject.get(s.subject) ?? true) && s.deleted);
    byType[s.schemaType] += 1;
    ids.add(`${s.context}\u0000${s.id}`);
    if (s.deleted) softDeletedVersions += 1;
  }
  return {
    subjects: bySubject.size,
    versions: schemas.length,
    softDeletedVersions,
    softDeletedSubjects: [...bySubject.values()].filter(Boolean).length,
    ids: ids.size,
    byType,
  };
}

/** Reference subjects resolve against the referring subject's context (docs/registry-semantics.md §6). */
function resolveReference(referrer: SchemaRecord, subject: string, version: number): string {
  const qualified = /^:\.[^:]*:/.test(subject)
    ? canonicalSubject(subject)
    : referrer.context === DEFAULT_CONTEXT
      ? subject
      : `:${contextOf(referrer.subject)}:${subject}`;
  return `${qualified}\u0000${version}`;
}

function referenceStats(schemas: readonly SchemaRecord[]): Inventory['references'] {
  const byKey = new Map(schemas.map((s) => [`${s.subject}\u0000${s.version}`, s]));
  const referenced = new Set<string>();
  let versionsWithReferences = 0;
  for (const s of schemas) {
    if (!s.references || s.references.length === 0) continue;
    versionsWithReferences += 1;
    for (const r of s.references) referenced.add(resolveReference(s, r.subject, r.version));
  }
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const depthOf = (key: string): number => {
    const known = depth.get(key);
    if (known !== undefined) return known;
    const s = byKey.get(key);
    if (!s || !s.references || visiting.has(key)) return 0; // missing target or a cycle: stop counting
    visiting.add(key);
    let deepest = 0;
    for (const r of s.references) deepest = Math.max(deepest, 1 + depthOf(resolveReference(s, r.subject, r.version)));
    visiting.delete(key);
    depth.set(key, deepest);
    return deepest;
  };
  let maxDepth = 0;
  for (const key of byKey.keys()) maxDepth = Math.max(maxDepth, depthOf(key));
  return { maxDepth, versionsWithReferences, referencedVersions: referenced.size };
}

function estimateImport(snapshot: RegistrySnapshot, totals: InventoryCounts, msPerWrite: number): ImportEstimate {
  // Wholly deleted subjects take one DELETE /subjects/{s}; other deleted versions one DELETE each.
  const deletedSubjects = new Set<string>();
  const bySubject = new Map<string, SchemaRecord[]>();
  for (const s of snapshot.schemas) bySubject.set(s.subject, [...(bySubject.get(s.subject) ?? []), s]);
  let softDeletes = 0;
  for (const [subject, versions] of bySubject) {
    if (versions.every((v) => v.deleted)) {
      deletedSubjects.add(subject);
      softDeletes += 1;
    } else {
      softDeletes += versions.filter((v) => v.deleted).length;
    }
  }
  const highest = new Map<string, number>();
  for (const s of snapshot.schemas) highest.set(s.context, Math.max(highest.get(s.context) ?? 0, s.id));
  const idReservations = snapshot.maxIds.filter((m) => m.maxId > (highest.get(m.context) ?? 0)).length * 2;
  const usedContexts = new Set(snapshot.schemas.map((s) => s.context));
  const contextEntries = 1 + [...usedContexts].filter((c) => c !== DEFAULT_CONTEXT).length + usedContexts.size;
  const breakdown = {
    registrations: totals.versions,
    softDeletes,
    idReservations,
    configs: snapshot.configs.length,
    modes: snapshot.modes.length,
    contextEntries,
  };
  const writes = Object.values(breakdown).reduce((a, b) => a + b, 0);
  return {
    writes,
    breakdown,
    msPerWrite,
    seconds: Math.ceil((writes * msPerWrite) / 1000),
    assumption:
      `${msPerWrite} ms per write on the leader with a few writes in flight; the server serialises every write ` +
      '(one Kafka round trip each), so this scales with writes, not with schema size',
  };
}
