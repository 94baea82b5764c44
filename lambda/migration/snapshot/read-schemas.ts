import pLimit = require('p-limit');
import type { SchemaRegistryApi } from '../../registry-client/api';
import { RegistryAuthError, RegistryError } from '../../registry-client/errors';
import type { RegistrySchema } from '../../registry-client/types';
import type { SchemaRecord } from '../format/records';
import { canonicalSubject, compareSchemaRecords, contextOfSubject } from '../export/order';

/** How the subject-versions were read (reported, so operators and tests can see the path taken). */
export type SchemaReadMethod =
  /** `GET /schemas?subjectPrefix=:*:&deleted=true` pages carrying the `deleted` flag (8.0+). */
  | 'bulk'
  /** Two bulk listings (with and without deleted); deleted = the difference (7.x, §12.12). */
  | 'bulk-two-listings'
  /** `/subjects?deleted=true`, then each subject's versions and each version (any server). */
  | 'per-subject';

export interface ReadSchemasOptions {
  /** Requests in flight at once. @default 16 */
  readonly concurrency?: number;
  /** `limit` asked for per `/schemas` page; the server may cap it (1000 since 7.4.1). @default 1000 */
  readonly pageSize?: number;
  /** Force one method; `auto` tries bulk and falls back to per-subject. @default 'auto' */
  readonly method?: 'auto' | 'bulk' | 'per-subject';
  /** Called with the number of subject-versions read so far. */
  readonly onSchemas?: (done: number, total?: number) => void;
  /** Notes for the operator (for example why the bulk path was abandoned). */
  readonly log?: (line: string) => void;
  /**
   * The server's version when known: before 8.0 listings carry no `deleted` flag, so both
   * listings are fetched at once instead of one after the other.
   * @default unknown (decided from the first page)
   */
  readonly serverVersion?: string;
}

export interface ReadSchemasResult {
  /** Sorted by (context, subject, version). */
  readonly schemas: SchemaRecord[];
  /** Every subject, soft-deleted ones included (canonical spelling). */
  readonly subjects: string[];
  readonly method: SchemaReadMethod;
}

/** The bulk listing cannot be trusted on this server; the caller falls back to per-subject reads. */
class BulkUnusable extends Error {}

/**
 * Reads every subject-version, soft-deleted ones included, with the right `deleted` flag.
 * Prefers bulk paging (§2, §12.12) and checks its result against `/subjects?deleted=true`;
 * falls back to per-subject reads when the endpoint is missing or the two disagree.
 */
export async function readSchemas(
  api: SchemaRegistryApi,
  options: ReadSchemasOptions & {
    /** `/subjects?deleted=true` when the caller already has it (canonical spelling). @default listed here */
    readonly subjects?: readonly string[];
  } = {},
): Promise<ReadSchemasResult> {
  const concurrency = options.concurrency ?? 16;
  const log = options.log ?? (() => undefined);
  const subjects = options.subjects ?? (await listAllSubjects(api));

  if (options.method !== 'per-subject') {
    try {
      const bulk = await readBulk(api, subjects, { ...options, concurrency });
      return { ...bulk, subjects: sortUnique(subjects) };
    } catch (error) {
      if (!(error instanceof BulkUnusable) || options.method === 'bulk') throw error;
      log(`bulk listing not usable (${error.message}); reading subject by subject instead`);
    }
  }
  const schemas = await readPerSubject(api, subjects, concurrency, options.onSchemas);
  return { schemas, subjects: sortUnique(subjects), method: 'per-subject' };
}

async function readBulk(
  api: SchemaRegistryApi,
  subjects: readonly string[],
  options: ReadSchemasOptions & { concurrency: number },
): Promise<{ schemas: SchemaRecord[]; method: SchemaReadMethod }> {
  let counted = 0;
  // 7.x: no `deleted` field; the plain listing holds exactly the live versions (§12.12).
  const readLive = () => readAllPages(api, false, options, () => undefined);
  const liveEarly = lacksDeletedFlag(options.serverVersion) ? readLive() : undefined;
  liveEarly?.catch(() => undefined); // awaited below; must not reject unobserved meanwhile
  const all = await readAllPages(api, true, options, (n) => {
    counted += n;
    options.onSchemas?.(counted);
  });
  const hasFlag = all.every((s) => typeof s.deleted === 'boolean');
  let liveKeys: Set<string> | undefined;
  if (!hasFlag) {
    const live = await (liveEarly ?? readLive());
    liveKeys = new Set(live.map((s) => keyOf(canonicalSubject(s.subject), s.version)));
  }

  const byKey = new Map<string, SchemaRecord>();
  for (const s of all) {
    const subject = canonicalSubject(s.subject);
    const key = keyOf(subject, s.version);
    const deleted = liveKeys ? !liveKeys.has(key) : (s.deleted as boolean);
    const record = toRecord(s, subject, deleted);
    const seen = byKey.get(key);
    if (seen && JSON.stringify(seen) !== JSON.stringify(record)) {
      throw new BulkUnusable(`pages disagree about ${subject} version ${s.version} (was the registry written to during the export?)`);
    }
    byKey.set(key, record);
  }
  if (liveKeys) {
    for (const key of liveKeys) {
      if (!byKey.has(key)) throw new BulkUnusable('the live listing holds a version the deleted=true listing lacks');
    }
  }

  // A server whose bulk listing drops soft-deleted or other-context subjects shows up here.
  const listed = new Set(subjects);
  const found = new Set([...byKey.values()].map((r) => r.subject));
  const missing = [...listed].filter((s) => !found.has(s));
  const extra = [...found].filter((s) => !listed.has(s));
  if (missing.length > 0 || extra.length > 0) {
    const example = missing[0] ?? extra[0];
    throw new BulkUnusable(
      `it ${missing.length > 0 ? 'lacks' : 'adds'} ${missing.length + extra.length} subject(s) compared with /subjects?deleted=true, e.g. "${example}"`,
    );
  }
  const schemas = [...byKey.values()].sort(compareSchemaRecords);
  return { schemas, method: liveKeys ? 'bulk-two-listings' : 'bulk' };
}

/**
 * Pages `GET /schemas?subjectPrefix=:*:` until an empty page, advancing by what came back
 * (a `limit` above the server's max is silently replaced, §12.12). Once the first page shows
 * the effective page size, up to `concurrency` later pages are fetched at once; a short page
 * anywhere but the end makes it continue one page at a time from there.
 */
async function readAllPages(
  api: SchemaRegistryApi,
  deleted: boolean,
  options: ReadSchemasOptions & { concurrency: number },
  onPage: (count: number) => void,
): Promise<RegistrySchema[]> {
  const limit = options.pageSize ?? 1000;
  const fetchPage = async (offset: number): Promise<RegistrySchema[]> => {
    try {
      return await api.listSchemasPage({ subjectPrefix: ':*:', deleted, offset, limit });
    } catch (error) {
      if (isMissingEndpoint(error)) {
        throw new BulkUnusable(`GET /schemas answered ${(error as RegistryError).status}`);
      }
      throw error;
    }
  };

  const out: RegistrySchema[] = [];
  const seen = new Set<string>();
  let offset = 0;
  const first = await fetchPage(0);
  if (first.length === 0) return out;
  out.push(...first);
  for (const s of first) seen.add(keyOf(s.subject, s.version));
  onPage(first.length);
  offset = first.length;
  const pageSize = first.length;
  const window = Math.max(1, Math.min(options.concurrency, 8));

  for (;;) {
    const offsets = Array.from({ length: window }, (_, i) => offset + i * pageSize);
    const pages = await Promise.all(offsets.map(fetchPage));
    for (const page of pages) {
      if (page.length === 0) return out;
      if (seen.has(keyOf(page[0].subject, page[0].version))) {
        // The server ignores `offset`. If it ignored `limit` too, the first page was everything.
        if (first.length > limit && offset === first.length) return out;
        throw new BulkUnusable('pages repeat (the server ignores offset)');
      }
      for (const s of page) seen.add(keyOf(s.subject, s.version));
      out.push(...page);
      onPage(page.length);
      offset += page.length;
      if (page.length !== pageSize) break; // continue from the true offset; later pages of this window are discarded
    }
  }
}

async function readPerSubject(
  api: SchemaRegistryApi,
  subjects: readonly string[],
  concurrency: number,
  onSchemas?: (done: number, total?: number) => void,
): Promise<SchemaRecord[]> {
  const limit = pLimit(concurrency);
  let done = 0;
  let total = 0;
  const perSubject = await Promise.all(
    subjects.map((subject) =>
      limit(async () => {
        const [allVersions, liveVersions] = await Promise.all([api.listVersions(subject, { deleted: true }), api.listVersions(subject)]);
        const live = new Set(liveVersions ?? []);
        total += allVersions?.length ?? 0;
        return (allVersions ?? []).map((version) => ({ subject, version, live: live.has(version) }));
      }),
    ),
  );
  const versions = perSubject.flat();
  const records = await Promise.all(
    versions.map(({ subject, version, live }) =>
      limit(async () => {
        const schema = await api.getVersion(subject, version, { deleted: true });
        if (!schema) {
          throw new Error(
            `${subject} version ${version} disappeared while it was being exported; freeze the source (sr-migrate freeze) and export again`,
          );
        }
        done += 1;
        onSchemas?.(done, total);
        return toRecord(schema, subject, typeof schema.deleted === 'boolean' ? schema.deleted : !live);
      }),
    ),
  );
  return records.sort(compareSchemaRecords);
}

/** `GET /subjects?deleted=true` in canonical spelling (all contexts, soft-deleted subjects included). */
export async function listAllSubjects(api: SchemaRegistryApi): Promise<string[]> {
  return sortUnique((await api.listSubjects({ deleted: true })).map(canonicalSubject));
}

/** Servers before 8.0 send no `deleted` flag in listings (reference §2). */
function lacksDeletedFlag(version: string | undefined): boolean {
  const major = version ? Number(/^(\d+)\./.exec(version)?.[1]) : NaN;
  return Number.isFinite(major) && major < 8;
}

/** A RegistrySchema as an export record, keys in a stable order. */
function toRecord(s: RegistrySchema, subject: string, deleted: boolean): SchemaRecord {
  return {
    type: 'schema',
    context: contextOfSubject(subject),
    subject,
    version: s.version,
    id: s.id,
    schemaType: s.schemaType,
    schema: s.schema,
    ...(s.references && s.references.length > 0
      ? { references: s.references.map((r) => ({ name: r.name, subject: r.subject, version: r.version })) }
      : {}),
    ...(s.metadata ? { metadata: s.metadata } : {}),
    ...(s.ruleSet ? { ruleSet: s.ruleSet } : {}),
    deleted,
  };
}

function keyOf(subject: string, version: number): string {
  return `${subject}\u0000${version}`;
}

function sortUnique(subjects: readonly string[]): string[] {
  return [...new Set(subjects)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** 404/405/400 on GET /schemas: an old server without the bulk endpoint (or a proxy that blocks it). */
function isMissingEndpoint(error: unknown): boolean {
  return (
    error instanceof RegistryError &&
    !(error instanceof RegistryAuthError) &&
    (error.status === 404 || error.status === 405 || error.status === 400)
  );
}
