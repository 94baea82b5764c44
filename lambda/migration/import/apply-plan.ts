import type { SchemaRegistryApi } from '../../registry-client/api';
import { scopeKind, type ScopeKind } from '../../registry-client/names';
import { runPipeline, WriteBudget } from './pipeline';
import type { ImportPlan, PlannedModeWrite } from './types';
import { permanentDelete, putMode, registerVersion, softDelete, writeConfig } from './writes';

export interface ApplyOptions {
  /**
   * Writes in flight. The server serialises writes behind one lock; a few in flight keep
   * that lock busy (docs/registry-semantics.md §12.15), many more only queue.
   * @default 8
   */
  readonly concurrency?: number;
  /**
   * Stop cleanly after this many writes (Lambda slices); the result says `complete: false`
   * and the next call re-reads the target and continues.
   * @default unlimited
   */
  readonly maxWrites?: number;
  /**
   * Epoch milliseconds: no write starts at or after it (writes in flight, at most
   * `concurrency`, still finish). The result then says `complete: false`.
   * @default none
   */
  readonly deadline?: number;
  /** Once aborted, no further write starts (writes in flight finish); the result says `complete: false`. */
  readonly signal?: AbortSignal;
  /** Progress per phase, for a progress bar. */
  readonly onProgress?: (progress: { phase: string; done: number; total: number }) => void;
  /** One human-readable line per step. */
  readonly log?: (line: string) => void;
}

export interface ApplyCounts {
  readonly importModeEntered: number;
  readonly compatibilityOverrides: number;
  /** Soft and permanent deletes of content the source no longer has (owned by this migration). */
  readonly removed: number;
  readonly registered: number;
  readonly reserved: number;
  readonly deleted: number;
  readonly configs: number;
  readonly modes: number;
}

export interface ApplyResult {
  /** True when every planned write was made. */
  readonly complete: boolean;
  /** Writes made (each HTTP write, including IMPORT entries and mode writes). */
  readonly written: number;
  /** Completed items per phase. */
  readonly counts: ApplyCounts;
}

/** Counts of a run that wrote nothing (a dry run, a plan with no writes). */
export function noWrites(): { -readonly [K in keyof ApplyCounts]: number } {
  return { importModeEntered: 0, compatibilityOverrides: 0, removed: 0, registered: 0, reserved: 0, deleted: 0, configs: 0, modes: 0 };
}

/**
 * Makes the writes of a conflict-free plan, phase by phase (docs/architecture.md §6.3):
 * 1. IMPORT per scope, widest first, before any write that needs it (§12.1, §12.2);
 * 2. compatibility NONE on targets before 7.5 (§4.2 step 7);
 * 3. removals of content the source no longer has: soft deletes, then permanent deletes, referrers first;
 * 4. registrations, a reference's target answered before its referrers (§12.8);
 * 5. id reservations: placeholder at the max id, then soft-deleted (§12.10);
 * 6. soft deletes, referrers first (§12.9);
 * 7. configs before modes, READONLY would block them (§12.4); alias configs last;
 * 8. modes, narrowest scope first, one tier at a time (§12.3, §12.6).
 * (Section numbers: docs/registry-semantics.md.) Stops starting writes when the budget
 * (count, deadline, abort) says so; writes in flight always finish.
 */
export async function applyPlan(api: SchemaRegistryApi, plan: ImportPlan, options: ApplyOptions = {}): Promise<ApplyResult> {
  const concurrency = Math.max(1, options.concurrency ?? 8);
  const budget = new WriteBudget(options.maxWrites, options.deadline, Date.now, options.signal);
  const progress = (phase: string, total: number) => (done: number) => options.onProgress?.({ phase, done, total });
  const counts = noWrites();
  const result = (complete: boolean): ApplyResult => ({ complete, written: budget.writes, counts });
  const pipeline = { concurrency, budget };

  for (const write of plan.enterImport) {
    if (!budget.tryTake()) return result(false);
    await putMode(api, write);
    counts.importModeEntered++;
  }
  for (const scope of plan.compatibilityOverrides) {
    if (!budget.tryTake()) return result(false);
    await writeConfig(api, { scope, deleteFirst: false, body: { compatibility: 'NONE' } }, () => true);
    counts.compatibilityOverrides++;
  }

  const removals = plan.removals.soft.length + plan.removals.permanent.length;
  for (const [deletes, remove] of [
    [plan.removals.soft, softDelete],
    [plan.removals.permanent, permanentDelete],
  ] as const) {
    const outcome = await runPipeline(
      deletes,
      async (item) => {
        await remove(api, item);
        counts.removed++;
      },
      { ...pipeline, onDone: () => progress('remove', removals)(counts.removed) },
    );
    if (outcome.stopped) return result(false);
  }

  if (plan.registrations.length > 0)
    options.log?.(`Registering ${plan.registrations.length} subject-version(s), ${concurrency} in flight.`);
  const registered = await runPipeline(
    plan.registrations,
    async (item) => {
      await registerVersion(api, item.subject, item.request);
      counts.registered++;
    },
    { ...pipeline, onDone: progress('register', plan.registrations.length) },
  );
  if (registered.stopped) return result(false);

  for (const reservation of plan.reservations) {
    if (!budget.tryTake()) return result(false);
    await registerVersion(api, reservation.subject, reservation.request);
    if (!budget.tryTake()) return result(false);
    await softDelete(api, { kind: 'version', subject: reservation.subject, version: reservation.version, after: [] });
    counts.reserved++;
    options.log?.(
      `Reserved id ${reservation.id} in context "${reservation.context}" with placeholder ${JSON.stringify(reservation.subject)} v${reservation.version}.`,
    );
  }

  const deleted = await runPipeline(
    plan.deletes,
    async (item) => {
      await softDelete(api, item);
      counts.deleted++;
    },
    { ...pipeline, onDone: progress('delete', plan.deletes.length) },
  );
  if (deleted.stopped) return result(false);

  const aliasFree = plan.configs.filter((write) => write.body?.alias === undefined);
  const withAlias = plan.configs.filter((write) => write.body?.alias !== undefined);
  for (const batch of [aliasFree, withAlias]) {
    let stoppedInside = false;
    const outcome = await runPipeline(
      batch,
      async (item) => {
        if (await writeConfig(api, item, () => budget.tryTake())) counts.configs++;
        else stoppedInside = true;
      },
      { ...pipeline, onDone: () => progress('config', plan.configs.length)(counts.configs) },
    );
    if (outcome.stopped || stoppedInside) return result(false);
  }

  for (const tier of modeTiers(plan.modes)) {
    const outcome = await runPipeline(
      tier,
      async (item) => {
        await putMode(api, item);
        counts.modes++;
      },
      { ...pipeline, onDone: () => progress('mode', plan.modes.length)(counts.modes) },
    );
    if (outcome.stopped) return result(false);
  }
  return result(true);
}

/** Splits mode writes into subject, context, ":.__GLOBAL:" and top-level tiers, in that order. */
function modeTiers(writes: readonly PlannedModeWrite[]): PlannedModeWrite[][] {
  const order: ScopeKind[] = ['subject', 'context', 'global', 'top'];
  return order.map((kind) => writes.filter((write) => scopeKind(write.scope) === kind)).filter((tier) => tier.length > 0);
}
