import type { SchemaRegistryApi } from '../../registry-client/api';
import { checksCompatibilityInImport } from '../../registry-client/features';
import type { ExpectedState } from '../format/expected-state';
import type { RegistrySnapshot } from '../format/snapshot';
import { unfreezeSnapshot, type FreezeState } from '../freeze';
import { applyPlan, ImportConflictError, noWrites, planImport, withoutIdPlaceholders, type ApplyCounts, type ImportPlan } from '../import';
import { withUnlistedContextSettings } from '../import/target-state';
import { nextPair, ownsRecord, PairLedger } from '../ledger';
import { identifyRegistry } from '../registry-identity';
import { readRegistrySnapshot } from '../snapshot';
import type { ExportStore } from '../store';
import { versionsBehind } from './versions-behind';

export interface SyncPassOptions {
  /**
   * Where the ownership ledger lives (a local path or `s3://bucket/key`): what earlier
   * imports and syncs from this source wrote, so this pass may mirror the source's permanent
   * deletes. Without one, nothing is removed and content the source lacks is a conflict.
   */
  readonly ledgerLocation?: string;
  readonly store?: ExportStore;
  /**
   * Leave target content that is not from this source alone instead of refusing.
   * @default false
   */
  readonly force?: boolean;
  /**
   * Keep the target from accepting producer registrations (the sync's IMPORT hold). The
   * cut-over's last step plans without it, to set the source's modes.
   * @default true
   */
  readonly holdImport?: boolean;
  /** The freeze record when `sr-migrate freeze` froze the source: the freeze is not mirrored. */
  readonly freezeState?: FreezeState;
  /** Read and plan only. @default false */
  readonly dryRun?: boolean;
  /** Writes in flight. @default 8 */
  readonly concurrency?: number;
  /** Reads in flight per registry. @default 16 */
  readonly readConcurrency?: number;
  /** Once aborted, the pass starts no further write (writes in flight finish). */
  readonly signal?: AbortSignal;
  /**
   * Refuse to run when the ledger records a cut-over of this pair after this time: a sync
   * started before the cut-over must stop, not put the IMPORT hold back on a target that now
   * serves producers. `runSync` passes its own start.
   */
  readonly notCutOverSince?: Date;
  readonly log?: (line: string) => void;
  readonly onProgress?: (progress: { phase: string; done: number; total?: number }) => void;
}

export interface SyncPassResult {
  /** True when every planned write was made (false when stopped by the signal). */
  readonly complete: boolean;
  readonly plan: ImportPlan;
  /** Subject-versions the target lacked or held differently at the start of the pass. */
  readonly versionsBehind: number;
  readonly written: number;
  readonly counts: ApplyCounts;
  /** The source as mirrored: freeze taken out, id placeholders left out. */
  readonly source: ExpectedState;
  /** The target as read at the start of the pass. */
  readonly target: RegistrySnapshot;
  readonly seconds: number;
}

/**
 * One sync pass (docs/architecture.md §6.8): read the live source and target, plan exactly the
 * difference (new contexts, subjects and versions with their ids; soft deletes; permanent
 * deletes of content this migration wrote; configs; modes, with the target held in IMPORT;
 * id reservations), refuse before any write on a conflict, then write it. A pass over an
 * unchanged source writes nothing; a pass stopped at any moment is finished by the next one.
 * @throws ImportConflictError before any write when the plan has conflicts.
 */
export async function syncPass(
  source: SchemaRegistryApi,
  target: SchemaRegistryApi,
  options: SyncPassOptions = {},
): Promise<SyncPassResult> {
  const started = Date.now();
  const readOptions = (side: 'source' | 'target') => ({
    concurrency: options.readConcurrency ?? 16,
    onProgress: (p: { phase: string; done: number; total?: number }) => options.onProgress?.({ ...p, phase: `${side} ${p.phase}` }),
  });
  const [sourceRead, targetRead, targetVersion, sourceIdentity, targetIdentity] = await Promise.all([
    readRegistrySnapshot(source, readOptions('source')),
    readRegistrySnapshot(target, readOptions('target')),
    target.serverVersion(),
    identifyRegistry(source),
    identifyRegistry(target),
  ]);
  const carried = carriedSource(sourceRead, options.freezeState);
  const targetSnapshot = await withUnlistedContextSettings(target, carried, targetRead);
  const ledger = options.ledgerLocation ? new PairLedger(options.ledgerLocation, sourceIdentity, targetIdentity, options.store) : undefined;
  const owned = await ledger?.load();
  if (options.notCutOverSince && owned?.cutOverAt && Date.parse(owned.cutOverAt) >= options.notCutOverSince.getTime()) {
    throw new CutOverSinceError(owned.cutOverAt);
  }

  const holdImport = options.holdImport ?? true;
  const plan = planImport(carried, targetSnapshot, {
    force: options.force,
    legacyCompatibility: checksCompatibilityInImport(targetVersion),
    owns: (record) => ownsRecord(owned, record),
    holdImport,
  });
  for (const warning of plan.warnings) options.log?.(`warning: ${warning}`);
  if (plan.conflicts.length > 0) throw new ImportConflictError(plan.conflicts, 'Sync pass refused before any write');
  const behind = versionsBehind(plan, carried);
  const result = (complete: boolean, written: number, counts: ApplyCounts): SyncPassResult => ({
    complete,
    plan,
    versionsBehind: behind,
    written,
    counts,
    source: carried,
    target: targetSnapshot,
    seconds: (Date.now() - started) / 1000,
  });
  if (options.dryRun) return result(plan.totalWrites === 0, 0, noWrites());

  const syncing = { syncing: holdImport };
  if (ledger && (plan.totalWrites > 0 || owned?.syncing !== holdImport)) {
    // Recorded before writing: a record only counts while the target holds exactly that content.
    await ledger.save(nextPair(owned, ledger, carried.schemas, new Set(), syncing));
  }
  const applied = await applyPlan(target, plan, {
    concurrency: options.concurrency,
    signal: options.signal,
    log: options.log,
    onProgress: options.onProgress,
  });
  if (ledger && plan.removedVersionKeys.length > 0 && applied.complete) {
    await ledger.save(nextPair(owned, ledger, carried.schemas, new Set(plan.removedVersionKeys), syncing));
  }
  return result(applied.complete, applied.written, applied.counts);
}

/** The pair was cut over while this sync ran: it stops instead of holding the target again. */
export class CutOverSinceError extends Error {
  constructor(readonly cutOverAt: string) {
    super(
      `the target was cut over at ${cutOverAt}, after this sync started; the sync stops so it does not hold the target in IMPORT again`,
    );
    this.name = 'CutOverSinceError';
  }
}

/** What a migration carries from a live source: the sr-migrate freeze taken out, id placeholders left out. */
export function carriedSource(snapshot: RegistrySnapshot, freezeState: FreezeState | undefined): ExpectedState {
  const withoutPlaceholders = withoutIdPlaceholders(snapshot);
  if (!freezeState) return withoutPlaceholders;
  const { snapshot: unfrozen, frozenScopes } = unfreezeSnapshot(withoutPlaceholders, freezeState);
  return frozenScopes.length > 0 ? { ...unfrozen, frozenScopes } : unfrozen;
}
