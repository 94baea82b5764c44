import type { SchemaRegistryApi } from '../../registry-client/api';
import type { RegistrySnapshot } from '../format/snapshot';
import { contextOf, contextScope, DEFAULT_CONTEXT, sortContexts } from '../../registry-client/names';
import { readMaxIds } from './read-max-ids';
import { listAllSubjects, readSchemas, type SchemaReadMethod } from './read-schemas';
import { readSettings } from './read-settings';

/** Where a snapshot read is: reported as it goes, for progress bars and logs. */
export interface SnapshotProgress {
  readonly phase: 'schemas' | 'settings' | 'maxIds';
  readonly done: number;
  /** Unknown while bulk pages are still coming in. */
  readonly total?: number;
}

export interface ReadSnapshotOptions {
  /** Requests in flight at once (reads only). @default 16 */
  readonly concurrency?: number;
  /** How to read subject-versions; `auto` prefers bulk paging and falls back. @default 'auto' */
  readonly method?: 'auto' | 'bulk' | 'per-subject';
  /** `limit` per `/schemas` page. @default 1000 */
  readonly pageSize?: number;
  readonly onProgress?: (progress: SnapshotProgress) => void;
  /** Operator notes (fallbacks taken, estimated max ids). @default discarded */
  readonly log?: (line: string) => void;
}

/** A snapshot plus how it was obtained. */
export interface SnapshotReadResult {
  readonly snapshot: RegistrySnapshot;
  readonly serverVersion?: string;
  readonly method: SchemaReadMethod;
  /** Contexts whose maxId is the highest exported id because the server lacks fetchMaxId. */
  readonly estimatedMaxIds: readonly string[];
}

/**
 * Reads everything a migration must carry from a live registry (docs/architecture.md §6, docs/registry-semantics.md §10.3):
 * contexts, every subject-version with its `deleted` flag, configs and modes at every scope,
 * and each context's max id. The whole snapshot is held in memory (about the size of the
 * registry's schema texts; fine for tens of thousands of versions).
 */
export async function readRegistrySnapshot(api: SchemaRegistryApi, options: ReadSnapshotOptions = {}): Promise<RegistrySnapshot> {
  return (await readRegistrySnapshotDetailed(api, options)).snapshot;
}

/** `readRegistrySnapshot` that also says which read path was taken and what was estimated. */
export async function readRegistrySnapshotDetailed(api: SchemaRegistryApi, options: ReadSnapshotOptions = {}): Promise<SnapshotReadResult> {
  const concurrency = options.concurrency ?? 16;
  const progress = options.onProgress ?? (() => undefined);
  const log = options.log ?? (() => undefined);

  const [serverVersion, listedContexts, subjects] = await Promise.all([api.serverVersion(), api.listContexts(), listAllSubjects(api)]);
  // A server without /contexts answers ["."]; subjects still reveal the contexts in use.
  const subjectContexts = sortContexts([DEFAULT_CONTEXT, ...listedContexts, ...subjects.map(contextOf)]);
  const named = subjectContexts.filter((c) => c !== DEFAULT_CONTEXT).map(contextScope);

  // Versions and per-scope settings are independent: read them at the same time.
  const [{ schemas, method }, { configs, modes }] = await Promise.all([
    readSchemas(api, {
      subjects,
      serverVersion,
      concurrency,
      method: options.method,
      pageSize: options.pageSize,
      log,
      onSchemas: (done, total) => progress({ phase: 'schemas', done, total }),
    }),
    readSettings(api, named, subjects, {
      concurrency,
      onScopes: (done, total) => progress({ phase: 'settings', done, total }),
    }),
  ]);
  const contexts = sortContexts([...subjectContexts, ...schemas.map((s) => s.context)]);

  const { maxIds, estimated } = await readMaxIds(api, contexts, schemas, Math.min(concurrency, 4));
  progress({ phase: 'maxIds', done: maxIds.length, total: maxIds.length });
  if (estimated.length > 0) {
    log(
      `the server did not report max ids (fetchMaxId) for ${estimated.join(', ')}; using the highest exported id there, ` +
        'so ids of hard-deleted schemas above it are not reserved on the target',
    );
  }

  return {
    snapshot: { contexts, schemas, configs, modes, maxIds },
    ...(serverVersion ? { serverVersion } : {}),
    method,
    estimatedMaxIds: estimated.sort(),
  };
}
