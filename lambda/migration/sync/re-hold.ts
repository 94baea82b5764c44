import type { SchemaRegistryApi } from '../../registry-client/api';
import { widestFirst } from '../../registry-client/names';
import type { RegistryMode } from '../../registry-client/types';
import type { ImportPlan } from '../import';
import { putMode } from '../import/writes';
import { mapWithConcurrency } from '../../registry-client/concurrency';

/**
 * Puts back the IMPORT hold on the scopes a failed cut-over had already given their final
 * mode, widest first (the top level stops accepting producer writes first), so the target is
 * left exactly as the sync holds it.
 */
export async function reHold(
  target: SchemaRegistryApi,
  restore: ImportPlan | undefined,
  heldModes: ReadonlyMap<string, RegistryMode>,
  concurrency = 8,
): Promise<number> {
  const writes = (restore?.modes ?? [])
    .filter((write) => heldModes.has(write.scope))
    .map((write) => ({ scope: write.scope, mode: heldModes.get(write.scope), force: true }))
    .sort((a, b) => widestFirst(a.scope, b.scope));
  await mapWithConcurrency(writes, concurrency, (write) => putMode(target, write));
  return writes.length;
}
