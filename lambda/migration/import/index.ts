/**
 * Import: plan before write, apply, idempotent and resumable (docs/architecture.md §6).
 * The CLI (`sr-migrate import`) and the seeding Lambda call exactly this API.
 */
export { importExport, type ImportCounts, type ImportOptions, type ImportResult } from './apply';
export { applyPlan, noWrites, type ApplyCounts, type ApplyOptions, type ApplyResult } from './apply-plan';
export { heldModes, heldTargetModes, type HeldModes } from './held-modes';
export type { OwnedContent } from './plan-removals';
export { ImportConflictError } from './conflicts';
export { planImport, type PlanOptions } from './plan';
export { renderPlan, type RenderOptions } from './render';
export { isOwnReservation, isReservedIdSubject, RESERVED_ID_SUBJECT, withoutIdPlaceholders } from './reserve';
export type {
  ImportConflict,
  ImportConflictKind,
  ImportPlan,
  PlannedConfigWrite,
  PlannedDelete,
  PlannedModeWrite,
  PlannedRegistration,
  PlannedReservation,
} from './types';
export { ImportWriteError } from './writes';
