export { exportRegistry, type ExportRegistryOptions, type ExportRegistryResult } from './export-registry';
export {
  readRegistrySnapshot,
  readRegistrySnapshotDetailed,
  type ReadSnapshotOptions,
  type SnapshotProgress,
  type SnapshotReadResult,
} from './read-snapshot';
export type { SchemaReadMethod } from './read-schemas';
