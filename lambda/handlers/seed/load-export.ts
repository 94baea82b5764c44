import type { ExportStore } from '../../migration/store';
import { loadExport } from '../../migration/format/reader';
import type { LoadedExport } from '../../migration/format/snapshot';
import { errorMessage } from '../log';
import { exportLocation, type SeedProperties } from './properties';

/** The export cannot be used: missing, unreadable, truncated, tampered, or not the pinned one. */
export class SeedExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SeedExportError';
  }
}

export interface LoadSeedExportOptions {
  /**
   * The trailer sha256 the export must carry: the resource's `ExportSha256`, or the one onEvent
   * read and handed to isComplete. An export already in memory with that location and sha256
   * is the same content by definition, so it is reused instead of downloaded again.
   * @default the resource's `ExportSha256` (nothing reused when it is unset)
   */
  readonly expectedSha256?: string;
  /** Download and check even when a matching export is in memory (onEvent always does). @default false */
  readonly fresh?: boolean;
  /** @default the process-wide store */
  readonly store?: ExportStore;
}

/**
 * The last export this Lambda container loaded. The Provider framework polls isComplete every
 * query interval, often on the same warm container: without this, every poll downloaded and
 * re-hashed the whole export again.
 */
let cached: { readonly location: string; readonly loaded: LoadedExport } | undefined;

/**
 * Loads the export the properties name. The reader validates it completely (trailer present,
 * hash and counts match, known format version) before anything is returned; on top of that,
 * the expected sha256 (pinned or handed over) must equal the trailer's, so a replaced object
 * is refused.
 */
export async function loadSeedExport(props: SeedProperties, options: LoadSeedExportOptions = {}): Promise<LoadedExport> {
  const location = exportLocation(props);
  const expected = options.expectedSha256 ?? props.exportSha256;
  if (!options.fresh && expected !== undefined && cached?.location === location && cached.loaded.trailer.sha256 === expected) {
    return cached.loaded;
  }
  let loaded: LoadedExport;
  try {
    loaded = await loadExport(location, options.store ? { store: options.store } : {});
  } catch (error) {
    throw new SeedExportError(`Cannot seed from ${location}: ${errorMessage(error)}`);
  }
  if (expected !== undefined && loaded.trailer.sha256 !== expected) {
    const pinned = props.exportSha256 !== undefined;
    throw new SeedExportError(
      `Cannot seed from ${location}: its trailer sha256 is ${loaded.trailer.sha256} but ${pinned ? 'ExportSha256 is' : 'seeding started with'} ${expected}. ` +
        (pinned
          ? 'The object was replaced after the template was synthesized; upload the export under a new key or update exportSha256 in the seeding config.'
          : 'The object was replaced while seeding ran; upload each export under a new key (or pin exportSha256 in the seeding config) and deploy again.'),
    );
  }
  cached = { location, loaded };
  return loaded;
}

/** Forgets the export held in memory (tests). */
export function forgetCachedSeedExport(): void {
  cached = undefined;
}
