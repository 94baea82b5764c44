export { exportRegistry, type ExportRegistryOptions, type ExportRegistryResult } from './export-registry';
export {
  readRegistrySnapshot,
  readRegistrySnapshotDetailed,
  type ReadSnapshotOptions,
  type SnapshotProgress,
  type SnapshotReadResult,
} from '../snapshot/read-snapshot';
export type { SchemaReadMethod } from '../snapshot/read-schemas';
