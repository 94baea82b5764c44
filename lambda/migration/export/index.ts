export { exportRegistry, type ExportRegistryOptions, type ExportRegistryResult } from './export-registry';
