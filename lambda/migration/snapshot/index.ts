/**
 * The one registry reader: everything a migration must carry, read from a live registry the
 * same way for every purpose (export, import's view of the target, verify, assess, sync).
 */
export {
  readRegistrySnapshot,
  readRegistrySnapshotDetailed,
  type ReadSnapshotOptions,
  type SnapshotProgress,
  type SnapshotReadResult,
} from './read-snapshot';
export type { SchemaReadMethod } from './read-schemas';
export { looksLikeUnsetConfig, SERVER_DEFAULT_COMPATIBILITY, SERVER_DEFAULT_MODE } from './read-settings';
