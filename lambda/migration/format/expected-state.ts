import type { LoadedExport, RegistrySnapshot } from './snapshot';

/** The state a target must match: a loaded export or a live source snapshot. */
export type ExpectedState = RegistrySnapshot & {
  /** Scopes READONLY only because of `sr-migrate freeze` (their mode records already hold the pre-freeze mode). */
  readonly frozenScopes?: readonly string[];
};

/**
 * What a target must hold after importing `loaded`: the export's snapshot, plus the scopes
 * `sr-migrate freeze` froze at the source (so a mismatch there is explained as a carried-over
 * freeze). The import planner, verify and the seeding handler all use this one conversion.
 */
export function expectedStateOf(loaded: LoadedExport): ExpectedState {
  const { header, trailer: _trailer, ...snapshot } = loaded;
  return header.frozenScopes && header.frozenScopes.length > 0 ? { ...snapshot, frozenScopes: header.frozenScopes } : snapshot;
}
