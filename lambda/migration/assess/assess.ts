import type { SchemaRegistryApi } from '../../registry-client/api';
import { readRegistrySnapshotDetailed, type ReadSnapshotOptions } from '../snapshot';
import { buildInventory, DEFAULT_MS_PER_WRITE, type Inventory } from './inventory';

export interface AssessOptions extends ReadSnapshotOptions {
  /** Assumed leader time per write for the estimate. @default 10 */
  readonly msPerWrite?: number;
}

/** Inventory of a live registry for planning (reads only; the same reads as an export). */
export async function assessRegistry(
  api: SchemaRegistryApi,
  options: AssessOptions = {},
): Promise<Inventory & { readonly source: string }> {
  const read = await readRegistrySnapshotDetailed(api, options);
  return { source: api.displayUrl, ...buildInventory(read.snapshot, read.serverVersion, options.msPerWrite ?? DEFAULT_MS_PER_WRITE) };
}
