import type { SchemaRegistryApi } from '../../registry-client/api';
import { readRegistrySnapshot } from '../snapshot';
import type { LoadedExport } from '../format/snapshot';
import { expectedStateOf } from '../format/expected-state';
import { ImportConflictError } from './conflicts';
import { runPipeline, WriteBudget } from './pipeline';
import { planImport } from './plan';
import { RESERVED_ID_SUBJECT } from './reserve';
import { withUnlistedContextSettings } from './target-state';
import { scopeKind, type ScopeKind } from '../../registry-client/names';
import { checksCompatibilityInImport } from '../../registry-client/features';
import type { ImportPlan, PlannedModeWrite } from './types';
import { putMode, registerVersion, softDelete, writeConfig } from './writes';

export interface ImportOptions {
  /**
   * Allow importing into a target that holds content not from this export. A target that
   * holds only this export's content (a re-run, a resumed import) never needs it.
   * @default false
   */
  readonly force?: boolean;
  /**
   * Plan only: read the target, compute the plan, write nothing.
   * @default false
   */
  readonly dryRun?: boolean;
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
  /** Progress per phase, for a progress bar. */
  readonly onProgress?: (progress: { phase: string; done: number; total: number }) => void;
  /** One human-readable line per step. */
  readonly log?: (line: string) => void;
}

export interface ImportCounts {
  readonly importModeEntered: number;
  readonly compatibilityOverrides: number;
  readonly registered: number;
  readonly reserved: number;
  readonly deleted: number;
  readonly configs: number;
  readonly modes: number;
}

export interface ImportResult {
  /** True when the target now holds everything in the export (nothing left to write). */
  readonly complete: boolean;
  readonly plan: ImportPlan;
  /** Writes made by this call (each HTTP write, including IMPORT entries and mode restores). */
  readonly written: number;
  /** Subject-versions and config/mode scopes the target already held exactly. */
  readonly skipped: number;
  /** Completed items per phase. */
  readonly counts: ImportCounts;
  /**
   * The subject (in each context that needs one) holding the soft-deleted placeholder that
   * reserves the source's highest id (docs/registry-semantics.md §12.10); verify treats it as the import's bookkeeping.
   */
  readonly reservedIdSubject: typeof RESERVED_ID_SUBJECT;
}

/** Reads per subject are cheap and not serialised by the server, so reading may run wider than writing. */
const READ_CONCURRENCY = 8;

/**
 * Imports a validated export into `api`'s registry with every id, version and setting
 * preserved (docs/architecture.md §6, docs/registry-semantics.md §10): read the target, plan, refuse on conflicts
 * before any write, then apply phase by phase. Idempotent and resumable: each call
 * re-plans from the target's state.
 * @throws ImportConflictError before any write when the plan has conflicts (also on a dry run).
 * @throws ImportWriteError when a write fails for good; a re-run resumes.
 */
export async function importExport(api: SchemaRegistryApi, loaded: LoadedExport, options: ImportOptions = {}): Promise<ImportResult> {
  const log = options.log ?? ((): void => undefined);
  const concurrency = Math.max(1, options.concurrency ?? 8);

  const targetVersion = await api.serverVersion();
  const target = await withUnlistedContextSettings(
    api,
    loaded,
    await readRegistrySnapshot(api, { concurrency: Math.max(concurrency, READ_CONCURRENCY) }),
  );
  const plan = planImport(expectedStateOf(loaded), target, {
    force: options.force,
    legacyCompatibility: checksCompatibilityInImport(targetVersion),
  });
  log(
    `Target ${api.displayUrl} (${targetVersion ?? 'before 7.3'}): ${target.schemas.length} subject-version(s); ` +
      `plan: ${plan.totalWrites} write(s), ${plan.alreadyPresent} subject-version(s) already present.`,
  );
  for (const warning of plan.warnings) log(`warning: ${warning}`);
  if (plan.conflicts.length > 0) throw new ImportConflictError(plan.conflicts);

  const counts = { importModeEntered: 0, compatibilityOverrides: 0, registered: 0, reserved: 0, deleted: 0, configs: 0, modes: 0 };
  const skipped = plan.alreadyPresent + plan.settingsAlreadyEqual;
  if (options.dryRun)
    return { complete: plan.totalWrites === 0, plan, written: 0, skipped, counts, reservedIdSubject: RESERVED_ID_SUBJECT };

  const budget = new WriteBudget(options.maxWrites, options.deadline);
  const progress = (phase: string, total: number) => (done: number) => options.onProgress?.({ phase, done, total });
  const result = (complete: boolean): ImportResult => {
    log(
      complete ? `Import complete: ${budget.writes} write(s).` : `Import paused after ${budget.writes} write(s); run it again to continue.`,
    );
    return { complete, plan, written: budget.writes, skipped, counts, reservedIdSubject: RESERVED_ID_SUBJECT };
  };
  const pipeline = { concurrency, budget };

  // 1. IMPORT per scope, widest first, before any registration (docs/registry-semantics.md §12.1, §12.2).
  for (const write of plan.enterImport) {
    if (!budget.tryTake()) return result(false);
    await putMode(api, write);
    counts.importModeEntered++;
  }
  // 2. Targets before 7.5 check compatibility even in IMPORT (docs/registry-semantics.md §4.2 step 7).
  for (const scope of plan.compatibilityOverrides) {
    if (!budget.tryTake()) return result(false);
    await writeConfig(api, { scope, deleteFirst: false, body: { compatibility: 'NONE' } }, () => true);
    counts.compatibilityOverrides++;
  }

  // 3. Registrations, reference targets answered before referrers (docs/registry-semantics.md §12.8).
  log(`Registering ${plan.registrations.length} subject-version(s), ${concurrency} in flight.`);
  const registered = await runPipeline(
    plan.registrations,
    async (item) => {
      await registerVersion(api, item.subject, item.request);
      counts.registered++;
    },
    { ...pipeline, onDone: progress('register', plan.registrations.length) },
  );
  if (registered.stopped) return result(false);

  // 4. Id reservation: placeholder at the max id, then soft-deleted (docs/registry-semantics.md §12.10).
  for (const reservation of plan.reservations) {
    if (!budget.tryTake()) return result(false);
    await registerVersion(api, reservation.subject, reservation.request);
    if (!budget.tryTake()) return result(false);
    await softDelete(api, { kind: 'version', subject: reservation.subject, version: reservation.version, after: [] });
    counts.reserved++;
    log(
      `Reserved id ${reservation.id} in context "${reservation.context}" with placeholder ${JSON.stringify(reservation.subject)} v${reservation.version}.`,
    );
  }

  // 5. Soft deletes, referrers first (docs/registry-semantics.md §12.9).
  const deleted = await runPipeline(
    plan.deletes,
    async (item) => {
      await softDelete(api, item);
      counts.deleted++;
    },
    { ...pipeline, onDone: progress('delete', plan.deletes.length) },
  );
  if (deleted.stopped) return result(false);

  // 6. Configs before modes: READONLY would block them (docs/registry-semantics.md §12.4); alias configs last.
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

  // 7. Modes exactly as exported, narrowest scope first, one tier at a time (docs/registry-semantics.md §12.3, §12.6).
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
