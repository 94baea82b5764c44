import type { ExpectedState } from '../format/expected-state';
import type { RegistrySnapshot } from '../format/snapshot';
import { findExportConflicts, findTargetConflicts } from './conflicts';
import { heldModes } from './held-modes';
import { planDeletes } from './plan-deletes';
import { planRegistrations } from './plan-registrations';
import { planRemovals, type OwnedContent } from './plan-removals';
import { planSettings } from './plan-settings';
import { planReservations } from './reserve';
import { indexSchemas, versionKey } from './schema-index';
import type { ImportPlan } from './types';

export interface PlanOptions {
  /**
   * Allow importing into a target that holds content not from this source (it is left alone).
   * @default false
   */
  readonly force?: boolean;
  /**
   * The target checks compatibility even in IMPORT (servers before 7.5; see
   * `checksCompatibilityInImport`), so the import sets compatibility NONE while it registers.
   * @default false
   */
  readonly legacyCompatibility?: boolean;
  /**
   * Target content an earlier import or sync from this source wrote (its ownership ledger).
   * Owned content the source no longer has is removed instead of being a conflict.
   * @default nothing is owned
   */
  readonly owns?: OwnedContent;
  /**
   * Keep the target unable to accept producer registrations (a sync in progress, see
   * held-modes.ts) instead of restoring the source's modes.
   * @default false
   */
  readonly holdImport?: boolean;
}

/**
 * The exact list of writes that turns `target` into a copy of `source` (pure: no I/O).
 * Conflicts are returned in the plan, not thrown, so a dry run can show them all;
 * `importExport` refuses to write when there are any. `frozenScopes` (from the export
 * header) is informational: the exporter already replaced each frozen scope's READONLY
 * with its pre-freeze mode, so the mode records are restored exactly as written.
 *
 * Removals of owned content come first and everything else is planned against the target as
 * it will be once they are done, so a subject-version the source deleted and registered again
 * is replaced rather than refused.
 */
export function planImport(source: ExpectedState, target: RegistrySnapshot, options: PlanOptions = {}): ImportPlan {
  const sourceIndex = indexSchemas(source.schemas);
  const removals = planRemovals(source, sourceIndex, target, indexSchemas(target.schemas), options.owns ?? (() => false));
  const remaining: RegistrySnapshot =
    removals.removed.size === 0
      ? target
      : { ...target, schemas: target.schemas.filter((record) => !removals.removed.has(versionKey(record.subject, record.version))) };
  const targetIndex = indexSchemas(remaining.schemas);

  const conflicts = [
    ...findExportConflicts(sourceIndex, targetIndex),
    ...findTargetConflicts(source, sourceIndex, remaining, targetIndex, { force: options.force ?? false }),
    ...removals.conflicts,
  ];
  const registrationPlan = planRegistrations(sourceIndex, targetIndex);
  conflicts.push(...registrationPlan.conflicts);
  const reservations = planReservations(source, sourceIndex, remaining, targetIndex);
  const deletePlan = planDeletes(source, sourceIndex, remaining, targetIndex);

  const targetEmpty = target.schemas.length === 0;
  const registrationContexts = new Set([
    ...registrationPlan.registrations.map((registration) => registration.context),
    ...reservations.map((reservation) => reservation.context),
  ]);
  const held = options.holdImport ? heldModes(source) : undefined;
  const removalSubjects = [...removals.soft, ...removals.permanent].map((planned) => planned.subject);
  const settings = planSettings({
    source: held ? { ...source, modes: held.modes } : source,
    target,
    registrationContexts,
    registrationSubjects: new Set([
      ...registrationPlan.registrations.map((registration) => registration.subject),
      ...reservations.map((reservation) => reservation.subject),
    ]),
    deleteSubjects: new Set([...deletePlan.deletes.map((planned) => planned.subject), ...removalSubjects]),
    forceImportMode: !targetEmpty,
    legacyCompatibility: options.legacyCompatibility ?? false,
  });

  const totalWrites =
    settings.enterImport.length +
    settings.compatibilityOverrides.length +
    removals.soft.length +
    removals.permanent.length +
    registrationPlan.registrations.length +
    reservations.length * 2 +
    deletePlan.deletes.length +
    settings.configs.reduce((sum, write) => sum + (write.deleteFirst ? 1 : 0) + (write.body ? 1 : 0), 0) +
    settings.modes.length;

  return {
    targetEmpty,
    forceImportMode: !targetEmpty,
    enterImport: settings.enterImport,
    compatibilityOverrides: settings.compatibilityOverrides,
    removals: { soft: removals.soft, permanent: removals.permanent },
    removedVersionKeys: [...removals.removed],
    registrations: registrationPlan.registrations,
    reservations,
    deletes: deletePlan.deletes,
    configs: settings.configs,
    modes: settings.modes,
    heldInImport: held ? held.held : new Map(),
    conflicts,
    warnings: deletePlan.warnings,
    alreadyPresent: registrationPlan.alreadyPresent,
    settingsAlreadyEqual: settings.settingsAlreadyEqual,
    totalWrites,
  };
}
