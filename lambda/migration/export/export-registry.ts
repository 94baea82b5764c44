import type { SchemaRegistryApi } from '../../registry-client/api';
import { createExportWriter, type ExportWriteResult } from '../format/writer';
import type { RegistrySnapshot } from '../format/snapshot';
import { withoutIdPlaceholders } from '../import/reserve';
import { identifyRegistry } from '../registry-identity';
import { getDefaultStore, type ExportStore } from '../store';
import { readRegistrySnapshotDetailed, type ReadSnapshotOptions, type SchemaReadMethod } from '../snapshot';

export interface ExportRegistryOptions extends ReadSnapshotOptions {
  /** Where `location` is resolved (local path or s3://). @default the process-wide store */
  readonly store?: ExportStore;
  /**
   * Turns the snapshot as read into the one to write; the freeze module uses it to put back
   * the modes `sr-migrate freeze` replaced and to name the frozen scopes.
   * @default the snapshot unchanged, no frozen scopes
   */
  readonly transform?: (snapshot: RegistrySnapshot) => { snapshot: RegistrySnapshot; frozenScopes: readonly string[] };
  /** Header timestamp. @default now */
  readonly exportedAt?: string;
}

export interface ExportRegistryResult extends ExportWriteResult {
  readonly location: string;
  readonly serverVersion?: string;
  readonly method: SchemaReadMethod;
  readonly frozenScopes: readonly string[];
  readonly estimatedMaxIds: readonly string[];
}

/**
 * Exports a live registry to `location` (docs/architecture.md §5): reads the whole snapshot first (so a
 * failed read never leaves a partial file), then streams header, contexts, schemas,
 * configs, modes and max ids, then the trailer. The order is the snapshot's stable order,
 * so two exports of an unchanged registry differ only in `exportedAt`. The header names
 * the source by its credential-free display URL.
 *
 * The id-reservation placeholders an import leaves on a target are not written: they are the
 * import's bookkeeping, and the reserved id is already in the context's maxId record (an import
 * of this export reserves it again). So an export of a migrated registry equals the export of
 * its source, and a backup counts the same subject-versions as the source has.
 */
export async function exportRegistry(
  api: SchemaRegistryApi,
  location: string,
  options: ExportRegistryOptions = {},
): Promise<ExportRegistryResult> {
  const [read, identity] = await Promise.all([readRegistrySnapshotDetailed(api, options), identifyRegistry(api)]);
  const transformed = options.transform
    ? options.transform(read.snapshot)
    : { snapshot: read.snapshot, frozenScopes: [] as readonly string[] };
  const snapshot = withoutIdPlaceholders(transformed.snapshot);
  const { frozenScopes } = transformed;

  const store = options.store ?? getDefaultStore();
  const handle = await store.openWriteStream(location);
  try {
    const writer = createExportWriter(handle.stream, {
      source: { url: api.displayUrl, ...(read.serverVersion ? { version: read.serverVersion } : {}), id: identity.id },
      ...(options.exportedAt ? { exportedAt: options.exportedAt } : {}),
      ...(frozenScopes.length > 0 ? { frozenScopes } : {}),
    });
    for (const context of snapshot.contexts) await writer.write({ type: 'context', context });
    for (const record of snapshot.schemas) await writer.write(record);
    for (const record of snapshot.configs) await writer.write(record);
    for (const record of snapshot.modes) await writer.write(record);
    for (const record of snapshot.maxIds) await writer.write(record);
    const written = await writer.finish();
    await handle.done;
    return {
      ...written,
      location,
      ...(read.serverVersion ? { serverVersion: read.serverVersion } : {}),
      method: read.method,
      frozenScopes,
      estimatedMaxIds: read.estimatedMaxIds,
    };
  } catch (error) {
    await handle.abort(error instanceof Error ? error : new Error(String(error))).catch(() => undefined);
    throw error;
  }
}
