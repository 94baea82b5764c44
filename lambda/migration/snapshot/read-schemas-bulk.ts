import type { SchemaRegistryApi } from '../../registry-client/api';
import { RegistryAuthError, RegistryError } from '../../registry-client/errors';
import { canonicalSubject } from '../../registry-client/names';
import type { RegistrySchema } from '../../registry-client/types';
import type { SchemaRecord } from '../format/records';
import { compareSchemaRecords } from '../format/order';
import type { ReadSchemasOptions, SchemaReadMethod } from './read-schemas-options';
import { schemaRecordOf, versionKeyOf } from './schema-record';

/** The bulk listing cannot be trusted on this server; the caller falls back to per-subject reads. */
export class BulkUnusable extends Error {}

/**
 * Every subject-version through `GET /schemas` paging (docs/registry-semantics.md §2, §12.12),
 * checked against `/subjects?deleted=true`. Throws BulkUnusable when the endpoint is missing or
 * the listings disagree.
 */
export async function readBulk(
  api: SchemaRegistryApi,
  subjects: readonly string[],
  options: ReadSchemasOptions & { concurrency: number },
): Promise<{ schemas: SchemaRecord[]; method: SchemaReadMethod }> {
  let counted = 0;
  // 7.x: no `deleted` field; the plain listing holds exactly the live versions (docs/registry-semantics.md §12.12).
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
    liveKeys = new Set(live.map((s) => versionKeyOf(canonicalSubject(s.subject), s.version)));
  }

  const byKey = new Map<string, SchemaRecord>();
  for (const s of all) {
    const subject = canonicalSubject(s.subject);
    const key = versionKeyOf(subject, s.version);
    const deleted = liveKeys ? !liveKeys.has(key) : (s.deleted as boolean);
    const record = schemaRecordOf(s, subject, deleted);
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
 * (a `limit` above the server's max is silently replaced, docs/registry-semantics.md §12.12). Once the first page shows
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
  for (const s of first) seen.add(versionKeyOf(s.subject, s.version));
  onPage(first.length);
  offset = first.length;
  const pageSize = first.length;
  const window = Math.max(1, Math.min(options.concurrency, 8));

  for (;;) {
    const offsets = Array.from({ length: window }, (_, i) => offset + i * pageSize);
    const pages = await Promise.all(offsets.map(fetchPage));
    for (const page of pages) {
      if (page.length === 0) return out;
      if (seen.has(versionKeyOf(page[0].subject, page[0].version))) {
        // The server ignores `offset`. If it ignored `limit` too, the first page was everything.
        if (first.length > limit && offset === first.length) return out;
        throw new BulkUnusable('pages repeat (the server ignores offset)');
      }
      for (const s of page) seen.add(versionKeyOf(s.subject, s.version));
      out.push(...page);
      onPage(page.length);
      offset += page.length;
      if (page.length !== pageSize) break; // continue from the true offset; later pages of this window are discarded
    }
  }
}

/** Servers before 8.0 send no `deleted` flag in listings (docs/registry-semantics.md §2). */
function lacksDeletedFlag(version: string | undefined): boolean {
  const major = version ? Number(/^(\d+)\./.exec(version)?.[1]) : NaN;
  return Number.isFinite(major) && major < 8;
}

/** 404/405/400 on GET /schemas: an old server without the bulk endpoint (or a proxy that blocks it). */
function isMissingEndpoint(error: unknown): boolean {
  return (
    error instanceof RegistryError &&
    !(error instanceof RegistryAuthError) &&
    (error.status === 404 || error.status === 405 || error.status === 400)
  );
}
