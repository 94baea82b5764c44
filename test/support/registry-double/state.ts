/**
 * In-memory store of the double: per-context subjects, versions and ids, modes and configs.
 * Maps are keyed by (context, subject, version) and (context, id) so every lookup is O(1);
 * sorted listings are cached and rebuilt only after a version is added or removed.
 */
import type { SchemaContent } from './content';
import { DEFAULT_CONTEXT, QualifiedName, contextPrefix } from './names';

/** One subject-version (a `SchemaKey` -> `SchemaValue` record). */
export interface StoredVersion {
  readonly context: string;
  /** Unqualified subject name. */
  readonly subject: string;
  /** Qualified subject name as the server prints it. */
  readonly qualified: string;
  readonly version: number;
  readonly id: number;
  readonly content: SchemaContent;
  /** Registration time (the Kafka record timestamp on the real server). */
  readonly ts: number;
  deleted: boolean;
  /** Keys (`versionKey`) of the versions this one references, resolved at registration. */
  readonly referenceTargets: readonly string[];
}

export interface SubjectState {
  readonly versions: Map<number, StoredVersion>;
}

export interface IdBinding {
  readonly content: SchemaContent;
  /** Every stored subject-version (live or soft-deleted) that carries this id. */
  readonly holders: Set<StoredVersion>;
}

export interface ContextState {
  readonly name: string;
  readonly subjects: Map<string, SubjectState>;
  readonly ids: Map<number, IdBinding>;
  /** identity -> ids bound to that content, in registration order. */
  readonly idsByContent: Map<string, Set<number>>;
  /** Highest id ever seen in this context (undefined before the first); never decreases, gaps are never filled. */
  maxId: number | undefined;
}

export function versionKey(context: string, subject: string, version: number): string {
  return `${context}\u0000${subject}\u0000${version}`;
}

export class RegistryState {
  readonly contexts = new Map<string, ContextState>();
  /** Mode per scope key ('' top level, ':.__GLOBAL:', ':.ctx:', qualified subject). */
  readonly modes = new Map<string, string>();
  /** Config per scope key, in GET form (`compatibilityLevel`, ...). */
  readonly configs = new Map<string, Record<string, unknown>>();
  /** versionKey of a referenced version -> versions that reference it. */
  private readonly referrers = new Map<string, Set<StoredVersion>>();
  private versionTotal = 0;
  private sortedCache?: { subjects: string[]; versions: StoredVersion[] };

  constructor() {
    this.contexts.set(DEFAULT_CONTEXT, newContext(DEFAULT_CONTEXT));
  }

  get totalVersions(): number {
    return this.versionTotal;
  }

  context(name: string): ContextState | undefined {
    return this.contexts.get(name);
  }

  subject(name: QualifiedName): SubjectState | undefined {
    return this.contexts.get(name.context)?.subjects.get(name.subject);
  }

  getVersion(context: string, subject: string, version: number): StoredVersion | undefined {
    return this.contexts.get(context)?.subjects.get(subject)?.versions.get(version);
  }

  /** Versions referencing `target` (optionally only live ones). */
  referrersOf(target: StoredVersion, liveOnly: boolean): StoredVersion[] {
    const set = this.referrers.get(versionKey(target.context, target.subject, target.version));
    if (!set) return [];
    return [...set].filter((v) => !liveOnly || !v.deleted);
  }

  /** Stores a version, replacing whatever held the same (subject, version): the real server overwrites silently. */
  put(v: StoredVersion): void {
    let ctx = this.contexts.get(v.context);
    if (!ctx) {
      ctx = newContext(v.context);
      this.contexts.set(v.context, ctx);
    }
    let subject = ctx.subjects.get(v.subject);
    if (!subject) {
      subject = { versions: new Map() };
      ctx.subjects.set(v.subject, subject);
    }
    const previous = subject.versions.get(v.version);
    if (previous) this.unlink(ctx, previous);
    subject.versions.set(v.version, v);
    this.versionTotal++;
    let binding = ctx.ids.get(v.id);
    if (!binding) {
      binding = { content: v.content, holders: new Set() };
      ctx.ids.set(v.id, binding);
      let ids = ctx.idsByContent.get(v.content.identity);
      if (!ids) ctx.idsByContent.set(v.content.identity, (ids = new Set()));
      ids.add(v.id);
    }
    binding.holders.add(v);
    for (const target of v.referenceTargets) {
      let set = this.referrers.get(target);
      if (!set) this.referrers.set(target, (set = new Set()));
      set.add(v);
    }
    // IncrementalIdGenerator.schemaRegistered: max(id, current ?? 1).
    ctx.maxId = Math.max(v.id, ctx.maxId ?? 1);
    this.sortedCache = undefined;
  }

  /** Hard-deletes a version (a tombstone). The id stays bound while another version carries it. */
  remove(v: StoredVersion): void {
    const ctx = this.contexts.get(v.context);
    if (!ctx) return;
    const subject = ctx.subjects.get(v.subject);
    if (!subject || subject.versions.get(v.version) !== v) return;
    this.unlink(ctx, v);
    subject.versions.delete(v.version);
    if (subject.versions.size === 0) ctx.subjects.delete(v.subject);
    this.sortedCache = undefined;
  }

  private unlink(ctx: ContextState, v: StoredVersion): void {
    this.versionTotal--;
    const binding = ctx.ids.get(v.id);
    if (binding) {
      binding.holders.delete(v);
      if (binding.holders.size === 0) {
        ctx.ids.delete(v.id);
        const ids = ctx.idsByContent.get(binding.content.identity);
        ids?.delete(v.id);
        if (ids && ids.size === 0) ctx.idsByContent.delete(binding.content.identity);
      }
    }
    for (const target of v.referenceTargets) this.referrers.get(target)?.delete(v);
  }

  /** Every qualified subject name (any version, live or not), in Java String order. */
  sortedSubjects(): readonly string[] {
    return this.sorted().subjects;
  }

  /** Every stored version sorted by qualified subject (Java String order), then version. */
  sortedVersions(): readonly StoredVersion[] {
    return this.sorted().versions;
  }

  private sorted(): { subjects: string[]; versions: StoredVersion[] } {
    if (!this.sortedCache) {
      const bySubject: Array<[string, SubjectState]> = [];
      for (const ctx of this.contexts.values()) {
        for (const [name, subject] of ctx.subjects) bySubject.push([contextPrefix(ctx.name) + name, subject]);
      }
      // Plain code-unit comparison, which is Java's String.compareTo order.
      bySubject.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      const versions: StoredVersion[] = [];
      for (const [, subject] of bySubject) versions.push(...sortedVersionsOf(subject));
      this.sortedCache = { subjects: bySubject.map(([n]) => n), versions };
    }
    return this.sortedCache;
  }
}

/** A subject's versions in ascending order. */
export function sortedVersionsOf(subject: SubjectState): StoredVersion[] {
  return [...subject.versions.values()].sort((a, b) => a.version - b.version);
}

/** Newest live version, or undefined. */
export function latestLive(subject: SubjectState): StoredVersion | undefined {
  let best: StoredVersion | undefined;
  for (const v of subject.versions.values()) if (!v.deleted && (!best || v.version > best.version)) best = v;
  return best;
}

export function hasLive(subject: SubjectState | undefined): boolean {
  if (!subject) return false;
  for (const v of subject.versions.values()) if (!v.deleted) return true;
  return false;
}

function newContext(name: string): ContextState {
  return { name, subjects: new Map(), ids: new Map(), idsByContent: new Map(), maxId: undefined };
}
