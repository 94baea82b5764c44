import type { SchemaRegistryApi } from '../../registry-client/api';
import { freezeRegistry, planFreeze, readFreezeState, unfreezeRegistry } from '../freeze';
import { applyPlan, heldTargetModes, planImport, type ImportPlan } from '../import';
import { readRegistrySnapshot } from '../snapshot';
import { getDefaultStore, type ExportStore } from '../store';
import type { RegistryMode } from '../../registry-client/types';
import { verifyTarget, type VerifyReport } from '../verify';
import { markCutOver } from './ledger-phase';
import { reHold } from './re-hold';
import { catchUpPass, finalPass, type CatchUpSummary, type PassListener } from './cutover-passes';

/** The steps of a cut-over, in order; a failure names the one it stopped at. */
export type CutoverStep = 'check-target' | 'catch-up-sync' | 'freeze' | 'final-sync' | 'verify' | 'restore-modes';

export interface CutoverOptions {
  /** Where the source's freeze record goes (a local path or `s3://bucket/key`), as `sr-migrate freeze` writes it. */
  readonly freezeStateLocation: string;
  /** The ownership ledger (see syncPass). */
  readonly ledgerLocation?: string;
  readonly store?: ExportStore;
  /** Leave target content not from this source alone. @default false */
  readonly force?: boolean;
  /** Writes in flight. @default 8 */
  readonly concurrency?: number;
  /** Read, plan and report every step; write nothing. @default false */
  readonly dryRun?: boolean;
  /**
   * A freeze record the target itself still has from an earlier cut-over in the other
   * direction (a rollback): removed once the target's modes are set, since they no longer
   * come from a freeze.
   */
  readonly targetFreezeStateLocation?: string;
  readonly log?: (line: string) => void;
  /** Each sync pass as it completes ("catch-up", then "final"); the cut-over waits for it. */
  readonly onPass?: PassListener;
}

export interface CutoverResult {
  readonly ok: boolean;
  readonly dryRun: boolean;
  /** Where it stopped, when it did not complete. */
  readonly failedStep?: CutoverStep;
  readonly error?: string;
  /** Seconds the source was READONLY before the target accepted writes. */
  readonly freezeSeconds?: number;
  /** Scopes the freeze set (or, on a dry run, would set) READONLY. */
  readonly frozenScopes: number;
  /** Mode writes that gave the target the source's modes (or, on a dry run, would). */
  readonly restoredModes: number;
  readonly verify?: VerifyReport;
  /** After a failure past the freeze: whether the freeze was undone (the source writable again). */
  readonly freezeUndone?: boolean;
}

class StepFailure extends Error {
  constructor(
    readonly step: CutoverStep,
    readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/**
 * The one-command cut-over (docs/architecture.md §6.9): catch up with a sync pass while the
 * source still takes writes; freeze the source (recorded for `freeze --undo`); a final sync
 * pass of whatever changed meanwhile; verify the target against the frozen source; then give
 * the target exactly the source's pre-freeze modes, so it accepts writes. Any failure after the
 * freeze undoes the freeze and leaves the target held in IMPORT. The freeze window (source
 * READONLY until the target accepts writes) is measured.
 */
export async function cutover(source: SchemaRegistryApi, target: SchemaRegistryApi, options: CutoverOptions): Promise<CutoverResult> {
  const log = options.log ?? (() => undefined);
  const step = async <T>(name: CutoverStep, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw new StepFailure(name, error);
    }
  };
  const passOptions = {
    ledgerLocation: options.ledgerLocation,
    store: options.store,
    force: options.force,
    concurrency: options.concurrency,
    log,
  };
  let frozenAt: number | undefined;
  let frozenScopes = 0;
  let restore: ImportPlan | undefined;
  let held: ReadonlyMap<string, RegistryMode> = new Map();
  try {
    await step('check-target', () => target.listContexts());
    const catchUp = await step('catch-up-sync', () =>
      catchUpPass(source, target, { ...passOptions, dryRun: options.dryRun }, options.onPass),
    );
    if (options.dryRun) return await dryRunReport(source, catchUp, log);

    const freeze = await step('freeze', () =>
      freezeRegistry(source, { stateLocation: options.freezeStateLocation, store: options.store, log }),
    );
    frozenAt = freeze.firstWriteAt;
    frozenScopes = freeze.changes.length;
    const freezeState = await step('final-sync', async () => readFreezeState(options.freezeStateLocation, options.store));
    const final = await step('final-sync', () => finalPass(source, target, { ...passOptions, freezeState }, options.onPass));
    if (!final.complete) throw new StepFailure('final-sync', new Error('the final sync pass did not complete'));

    const targetNow = final.targetUnchanged ?? (await step('verify', () => readRegistrySnapshot(target)));
    held = heldTargetModes(final.source);
    const report = verifyTarget(final.source, targetNow, { heldModes: held });
    if (!report.ok) {
      const listed = report.differences.slice(0, 5).map((d) => d.message);
      throw new StepFailure('verify', new Error(`${report.differences.length} difference(s): ${listed.join('; ')}`));
    }

    const restorePlan = planImport(final.source, targetNow, { force: options.force, holdImport: false });
    if (restorePlan.totalWrites !== restorePlan.modes.length) {
      throw new StepFailure(
        'verify',
        new Error('the target differs from the source in more than its modes after verify; run the cut-over again'),
      );
    }
    restore = restorePlan;
    await step('restore-modes', async () => {
      const applied = await applyPlan(target, restorePlan, { concurrency: options.concurrency, log });
      if (!applied.complete) throw new Error('not every mode was set');
    });
    const freezeSeconds = (Date.now() - frozenAt) / 1000;
    log(`The target accepts writes: the source was read-only for ${freezeSeconds.toFixed(2)} s.`);
    await finishBookkeeping(source, target, options, log);
    return { ok: true, dryRun: false, freezeSeconds, frozenScopes, restoredModes: restorePlan.modes.length, verify: report };
  } catch (error) {
    const failure = error instanceof StepFailure ? error : new StepFailure('final-sync', error);
    // The result names the step and the error; the caller reports it once.
    const pastFreeze = frozenAt !== undefined || failure.step === 'freeze';
    const freezeUndone = pastFreeze ? await undo(source, target, { ...options, restore, held }, log) : undefined;
    return {
      ok: false,
      dryRun: options.dryRun ?? false,
      failedStep: failure.step,
      error: failure.message,
      frozenScopes,
      restoredModes: 0,
      freezeUndone,
    };
  }
}

/** After a failure past the freeze: the source writable again, the target held in IMPORT. */
async function undo(
  source: SchemaRegistryApi,
  target: SchemaRegistryApi,
  options: CutoverOptions & { readonly restore?: ImportPlan; readonly held: ReadonlyMap<string, RegistryMode> },
  log: (line: string) => void,
): Promise<boolean> {
  let undone = false;
  try {
    if (await readFreezeState(options.freezeStateLocation, options.store)) {
      await unfreezeRegistry(source, { stateLocation: options.freezeStateLocation, store: options.store, log });
      log('The freeze was undone: the source accepts writes again.');
    }
    undone = true;
  } catch (error) {
    log(
      `The freeze could NOT be undone (${(error as Error).message}); the source stays read-only: ` +
        `run \`sr-migrate freeze --source ${source.displayUrl} --undo --state ${options.freezeStateLocation}\`.`,
    );
  }
  try {
    await reHold(target, options.restore, options.held, options.concurrency);
  } catch (error) {
    log(`Could not put the target back in IMPORT (${(error as Error).message}); check its modes with \`sr-migrate verify\`.`);
  }
  return undone;
}

async function finishBookkeeping(
  source: SchemaRegistryApi,
  target: SchemaRegistryApi,
  options: CutoverOptions,
  log: (line: string) => void,
): Promise<void> {
  if (options.ledgerLocation) await markCutOver(options.ledgerLocation, source, target, options.store);
  if (options.targetFreezeStateLocation && (await readFreezeState(options.targetFreezeStateLocation, options.store))) {
    await (options.store ?? getDefaultStore()).remove(options.targetFreezeStateLocation);
    log(`Removed the target's old freeze record ${options.targetFreezeStateLocation}: its modes now come from the source.`);
  }
}

async function dryRunReport(source: SchemaRegistryApi, catchUp: CatchUpSummary, log: (line: string) => void): Promise<CutoverResult> {
  const freeze = await planFreeze(source);
  log(
    `Dry run: the catch-up sync would make ${catchUp.plannedWrites} write(s); the freeze would set ${freeze.changes.length} scope(s) READONLY; ` +
      "then a final sync, verify, and the source's modes on the target. Nothing was written.",
  );
  return { ok: true, dryRun: true, frozenScopes: freeze.changes.length, restoredModes: catchUp.heldModes };
}
