import { loadExport } from '../../migration/format/reader';
import type { LoadedExport } from '../../migration/format/snapshot';
import type { ExportStore } from '../../migration/store';
import { errorMessage } from '../log';
import { exportLocation, type SeedProperties } from './properties';

/** The export cannot be used: missing, unreadable, truncated, tampered, or not the pinned one. */
export class SeedExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SeedExportError';
  }
}

/**
 * Loads the export the properties name. The reader validates it completely (trailer present,
 * hash and counts match, known format version) before anything is returned; on top of that,
 * a pinned `ExportSha256` must equal the trailer's sha256, so a replaced object is refused.
 */
export async function loadSeedExport(props: SeedProperties, store?: ExportStore): Promise<LoadedExport> {
  const location = exportLocation(props);
  let loaded: LoadedExport;
  try {
    loaded = await loadExport(location, store ? { store } : {});
  } catch (error) {
    throw new SeedExportError(`Cannot seed from ${location}: ${errorMessage(error)}`);
  }
  if (props.exportSha256 !== undefined && loaded.trailer.sha256 !== props.exportSha256) {
    throw new SeedExportError(
      `Cannot seed from ${location}: its trailer sha256 is ${loaded.trailer.sha256} but ExportSha256 is ${props.exportSha256}. ` +
        'The object was replaced after the template was synthesized; upload the export under a new key or update exportSha256 in the seeding config.',
    );
  }
  return loaded;
}
