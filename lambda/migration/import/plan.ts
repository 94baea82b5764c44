import type { ExpectedState } from '../format/expected-state';
import type { RegistrySnapshot } from '../format/snapshot';
import { findExportConflicts, findTargetConflicts } from './conflicts';
import { planDeletes } from './plan-deletes';
import { planRegistrations } from './plan-registrations';
import { planSettings } from './plan-settings';
import { planReservations } from './reserve';
import { indexSchemas } from './schema-index';
import type { ImportPlan } from './types';

export interface PlanOptions {
  /**
   * Allow importing into a target that holds content not from this export.
   * @default false
   */
  readonly force?: boolean;
  /**
   * The target checks compatibility even in IMPORT (servers before 7.5; see
   * `checksCompatibilityInImport`), so the import sets compatibility NONE while it registers.
   * @default false
   */
  readonly legacyCompatibility?: boolean;
}

/**
 * The exact list of writes that turns `target` into a copy of `source` (pure: no I/O).
 * Conflicts are returned in the plan, not thrown, so a dry run can show them all;
 * `importExport` refuses to write when there are any. `frozenScopes` (from the export
 * header) is informational: the exporter already replaced each frozen scope's READONLY
 * with its pre-freeze mode, so the mode records are restored exactly as written.
 */
export function planImport(source: ExpectedState, target: RegistrySnapshot, options: PlanOptions = {}): ImportPlan {
  const sourceIndex = indexSchemas(source.schemas);
  const targetIndex = indexSchemas(target.schemas);

  const conflicts = [
    ...findExportConflicts(sourceIndex, targetIndex),
    ...findTargetConflicts(source, sourceIndex, target, targetIndex, { force: options.force ?? false }),
  ];
  const registrationPlan = planRegistrations(sourceIndex, targetIndex);
  conflicts.push(...registrationPlan.conflicts);
  const reservations = planReservations(source, sourceIndex, target, targetIndex);
  const deletePlan = planDeletes(source, sourceIndex, target, targetIndex);

  const targetEmpty = target.schemas.length === 0;
  const registrationContexts = new Set([
    ...registrationPlan.registrations.map((registration) => registration.context),
    ...reservations.map((reservation) => reservation.context),
  ]);
  const settings = planSettings({
    source,
    target,
    registrationContexts,
    registrationSubjects: new Set([
      ...registrationPlan.registrations.map((registration) => registration.subject),
      ...reservations.map((reservation) => reservation.subject),
    ]),
    deleteSubjects: new Set(deletePlan.deletes.map((planned) => planned.subject)),
    forceImportMode: !targetEmpty,
    legacyCompatibility: options.legacyCompatibility ?? false,
  });

  const totalWrites =
    settings.enterImport.length +
    settings.compatibilityOverrides.length +
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
    registrations: registrationPlan.registrations,
    reservations,
    deletes: deletePlan.deletes,
    configs: settings.configs,
    modes: settings.modes,
    conflicts,
    warnings: deletePlan.warnings,
    alreadyPresent: registrationPlan.alreadyPresent,
    settingsAlreadyEqual: settings.settingsAlreadyEqual,
    totalWrites,
  };
}
