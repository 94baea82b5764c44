import pLimit = require('p-limit');
import type { SchemaRegistryApi } from '../../registry-client/api';
import { canonicalSubject } from '../../registry-client/names';
import type { SchemaRecord } from '../format/records';
import { compareSchemaRecords } from '../format/order';
import { BulkUnusable, readBulk } from './read-schemas-bulk';
import { schemaRecordOf } from './schema-record';
import type { ReadSchemasOptions, SchemaReadMethod } from './read-schemas-options';

export type { ReadSchemasOptions, SchemaReadMethod };

export interface ReadSchemasResult {
  /** Sorted by (context, subject, version). */
  readonly schemas: SchemaRecord[];
  /** Every subject, soft-deleted ones included (canonical spelling). */
  readonly subjects: string[];
  readonly method: SchemaReadMethod;
}

/**
 * Reads every subject-version, soft-deleted ones included, with the right `deleted` flag.
 * Prefers bulk paging (docs/registry-semantics.md §2, §12.12) and checks its result against `/subjects?deleted=true`;
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
        return schemaRecordOf(schema, subject, typeof schema.deleted === 'boolean' ? schema.deleted : !live);
      }),
    ),
  );
  return records.sort(compareSchemaRecords);
}

/** `GET /subjects?deleted=true` in canonical spelling (all contexts, soft-deleted subjects included). */
export async function listAllSubjects(api: SchemaRegistryApi): Promise<string[]> {
  return sortUnique((await api.listSubjects({ deleted: true })).map(canonicalSubject));
}

function sortUnique(subjects: readonly string[]): string[] {
  return [...new Set(subjects)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
