import type { RegistryMode } from '../../registry-client/types';
import type { ModeRecord } from '../format/records';
import type { RegistrySnapshot } from '../format/snapshot';
import { compareStrings } from '../../registry-client/names';
import { restoresToUnset } from './freeze';
import type { FreezeState } from './state';

export interface UnfrozenSnapshot {
  /** The snapshot with every scope frozen by sr-migrate given its pre-freeze mode (or none). */
  readonly snapshot: RegistrySnapshot;
  /** Scopes that were READONLY only because of `sr-migrate freeze` (sorted). */
  readonly frozenScopes: readonly string[];
  /** Recorded scopes that are no longer READONLY (someone changed them during the freeze). */
  readonly drifted: readonly string[];
}

/**
 * Takes the freeze back out of a snapshot read from a frozen source, so an import does not
 * carry the migration freeze to the target (docs/architecture.md §6): each scope recorded in the
 * freeze state that still reads READONLY gets its pre-freeze mode record, or loses its mode
 * record when none was set before. Those scopes are returned as `frozenScopes` for the
 * export header. Scopes that no longer read READONLY are left as read and reported.
 */
export function unfreezeSnapshot(snapshot: RegistrySnapshot, state: FreezeState): UnfrozenSnapshot {
  const modes = new Map(snapshot.modes.map((m) => [m.scope, m]));
  const frozenScopes: string[] = [];
  const drifted: string[] = [];
  for (const change of state.changes) {
    if (modes.get(change.scope)?.mode !== 'READONLY') {
      drifted.push(change.scope);
      continue;
    }
    frozenScopes.push(change.scope);
    if (restoresToUnset(change)) modes.delete(change.scope);
    else modes.set(change.scope, { type: 'mode', scope: change.scope, mode: change.previous as RegistryMode });
  }
  const restored: ModeRecord[] = [...modes.values()].sort((a, b) => compareStrings(a.scope, b.scope));
  return {
    snapshot: { ...snapshot, modes: restored },
    frozenScopes: frozenScopes.sort(compareStrings),
    drifted,
  };
}
