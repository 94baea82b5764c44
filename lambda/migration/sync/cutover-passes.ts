import type { SchemaRegistryApi } from '../../registry-client/api';
import type { ExpectedState } from '../format/expected-state';
import type { RegistrySnapshot } from '../format/snapshot';
import { heldTargetModes } from '../import';
import { syncPass, type SyncPassOptions, type SyncPassResult } from './sync-pass';

/*
 * The cut-over's two sync passes, each reduced to what later steps use: two registries'
 * snapshots per pass held to the end would double the cut-over's memory.
 */

/** Told of each sync pass as it completes; the cut-over waits for it. */
export type PassListener = (name: 'catch-up' | 'final', pass: SyncPassResult) => void | Promise<void>;

/** What the cut-over keeps of the catch-up pass: only what a dry run reports. */
export interface CatchUpSummary {
  readonly plannedWrites: number;
  readonly heldModes: number;
}

export async function catchUpPass(
  source: SchemaRegistryApi,
  target: SchemaRegistryApi,
  passOptions: SyncPassOptions,
  onPass: PassListener | undefined,
): Promise<CatchUpSummary> {
  const pass = await syncPass(source, target, passOptions);
  await onPass?.('catch-up', pass);
  return { plannedWrites: pass.plan.totalWrites, heldModes: heldTargetModes(pass.source).size };
}

/** What the cut-over keeps of the final pass: the frozen source, and the target when the pass left it as read. */
export interface FinalPassSummary {
  readonly complete: boolean;
  readonly source: ExpectedState;
  /** The target as the pass read it, when the pass wrote nothing (it is then the target now). */
  readonly targetUnchanged?: RegistrySnapshot;
}

export async function finalPass(
  source: SchemaRegistryApi,
  target: SchemaRegistryApi,
  passOptions: SyncPassOptions,
  onPass: PassListener | undefined,
): Promise<FinalPassSummary> {
  const pass = await syncPass(source, target, passOptions);
  await onPass?.('final', pass);
  return { complete: pass.complete, source: pass.source, targetUnchanged: pass.written === 0 ? pass.target : undefined };
}
