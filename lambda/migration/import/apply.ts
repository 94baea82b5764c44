import type { SchemaRegistryApi } from '../../registry-client/api';
import { checksCompatibilityInImport } from '../../registry-client/features';
import { expectedStateOf } from '../format/expected-state';
import type { LoadedExport } from '../format/snapshot';
import { nextPair, ownsRecord, PairLedger } from '../ledger';
import { identifyRegistry, type RegistryIdentity } from '../registry-identity';
import { readRegistrySnapshot } from '../snapshot';
import type { ExportStore } from '../store';
import { applyPlan, noWrites, type ApplyCounts, type ApplyOptions } from './apply-plan';
import { ImportConflictError } from './conflicts';
import { planImport } from './plan';
import { RESERVED_ID_SUBJECT } from './reserve';
import { withUnlistedContextSettings } from './target-state';
import type { ImportPlan } from './types';

export interface ImportOptions extends ApplyOptions {
  /**
   * Allow importing into a target that holds content not from this export's source (it is
   * left alone). A target that holds only this source's content (a re-run, a resumed import,
   * content recorded in the ledger) never needs it.
   * @default false
   */
  readonly force?: boolean;
  /**
   * Plan only: read the target, compute the plan, write nothing.
   * @default false
   */
  readonly dryRun?: boolean;
  /**
   * The ownership ledger (a local path or `s3://bucket/key`, see lambda/migration/ledger): the
   * import records what it writes there, and removes target content an earlier import or sync
   * from the same source wrote and this export no longer has (the source's permanent deletes).
   * @default no ledger: nothing is removed, content not in the export is a conflict
   */
  readonly ledgerLocation?: string;
  /** Where the ledger is read and written. @default the process-wide store */
  readonly store?: ExportStore;
}

export type ImportCounts = ApplyCounts;

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
   * reserves the source's highest id (docs/registry-semantics.md §12.10); verify treats it as
   * the import's bookkeeping.
   */
  readonly reservedIdSubject: typeof RESERVED_ID_SUBJECT;
}

/** Reads per subject are cheap and not serialised by the server, so reading may run wider than writing. */
const READ_CONCURRENCY = 8;

/**
 * Imports a validated export into `api`'s registry with every id, version and setting
 * preserved (docs/architecture.md §6, docs/registry-semantics.md §10): read the target, plan,
 * refuse on conflicts before any write, then apply phase by phase. Idempotent and resumable:
 * each call re-plans from the target's state.
 * @throws ImportConflictError before any write when the plan has conflicts (also on a dry run).
 * @throws ImportWriteError when a write fails for good; a re-run resumes.
 */
export async function importExport(api: SchemaRegistryApi, loaded: LoadedExport, options: ImportOptions = {}): Promise<ImportResult> {
  const log = options.log ?? ((): void => undefined);
  const concurrency = Math.max(1, options.concurrency ?? 8);
  const source = expectedStateOf(loaded);

  const [targetVersion, snapshot, ledger] = await Promise.all([
    api.serverVersion(),
    readRegistrySnapshot(api, { concurrency: Math.max(concurrency, READ_CONCURRENCY) }),
    options.ledgerLocation ? openLedger(api, loaded, options.ledgerLocation, options.store) : undefined,
  ]);
  const target = await withUnlistedContextSettings(api, source, snapshot);
  const owned = ledger ? await ledger.load() : undefined;
  const plan = planImport(source, target, {
    force: options.force,
    legacyCompatibility: checksCompatibilityInImport(targetVersion),
    owns: (record) => ownsRecord(owned, record),
  });
  log(
    `Target ${api.displayUrl} (${targetVersion ?? 'before 7.3'}): ${target.schemas.length} subject-version(s); ` +
      `plan: ${plan.totalWrites} write(s), ${plan.alreadyPresent} subject-version(s) already present.`,
  );
  for (const warning of plan.warnings) log(`warning: ${warning}`);
  if (plan.conflicts.length > 0) throw new ImportConflictError(plan.conflicts);

  const skipped = plan.alreadyPresent + plan.settingsAlreadyEqual;
  if (options.dryRun) {
    return { complete: plan.totalWrites === 0, plan, written: 0, skipped, counts: noWrites(), reservedIdSubject: RESERVED_ID_SUBJECT };
  }

  // Recorded before writing: a record only counts while the target holds exactly that content,
  // so claiming what this import is about to write is safe even if it stops halfway.
  if (ledger) await ledger.save(nextPair(owned, ledger, source.schemas));
  const applied = await applyPlan(api, plan, { ...options, concurrency });
  if (ledger && plan.removals.permanent.length > 0) {
    await ledger.save(nextPair(owned, ledger, source.schemas, new Set(plan.removedVersionKeys)));
  }
  log(
    applied.complete
      ? `Import complete: ${applied.written} write(s).`
      : `Import paused after ${applied.written} write(s); run it again to continue.`,
  );
  return {
    complete: applied.complete,
    plan,
    written: applied.written,
    skipped,
    counts: applied.counts,
    reservedIdSubject: RESERVED_ID_SUBJECT,
  };
}

async function openLedger(api: SchemaRegistryApi, loaded: LoadedExport, location: string, store?: ExportStore): Promise<PairLedger> {
  const source: RegistryIdentity = { id: loaded.header.source.id ?? `url:${loaded.header.source.url}`, url: loaded.header.source.url };
  return new PairLedger(location, source, await identifyRegistry(api), store);
}
