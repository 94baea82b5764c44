import type { SchemaRegistryApi } from '../../registry-client/api';
import { nextPair, PairLedger } from '../ledger';
import { identifyRegistry } from '../registry-identity';
import type { ExportStore } from '../store';

/** True when the ledger says a sync from `source` to `target` is running (its IMPORT hold is intended). */
export async function isSyncing(
  ledgerLocation: string,
  source: SchemaRegistryApi,
  target: SchemaRegistryApi,
  store?: ExportStore,
): Promise<boolean> {
  const [sourceIdentity, targetIdentity] = await Promise.all([identifyRegistry(source), identifyRegistry(target)]);
  return (await new PairLedger(ledgerLocation, sourceIdentity, targetIdentity, store).load())?.syncing === true;
}

/** Records in the ledger that the target was cut over: its modes are the source's now, nothing is held. */
export async function markCutOver(
  ledgerLocation: string,
  source: SchemaRegistryApi,
  target: SchemaRegistryApi,
  store?: ExportStore,
): Promise<void> {
  const [sourceIdentity, targetIdentity] = await Promise.all([identifyRegistry(source), identifyRegistry(target)]);
  const ledger = new PairLedger(ledgerLocation, sourceIdentity, targetIdentity, store);
  const pair = await ledger.load();
  await ledger.save(nextPair(pair, ledger, [], new Set(), { syncing: false, cutOverAt: new Date().toISOString() }));
}
