import type { RegistryMode } from '../../registry-client/types';
import type { ModeRecord } from '../format/records';
import type { RegistrySnapshot } from '../format/snapshot';
import { contextScope, GLOBAL_SCOPE, scopeKind } from '../../registry-client/names';
import { isReadOnly } from '../mode-resolution';

/**
 * The modes a target keeps while a sync mirrors a live source (docs/architecture.md §6.8): no
 * scope may accept producer registrations before the cut-over, or the target would hand out
 * ids the source may still use. So the top level, every context scope and ":.__GLOBAL:" stay in
 * IMPORT, and so does every subject the source sets to READWRITE or FORWARD; read-only and
 * IMPORT subjects are mirrored as they are (sync lifts them only for its own writes). The
 * cut-over then sets every scope to exactly the source's mode.
 */
export interface HeldModes {
  /** The mode records to apply to the target during the sync. */
  readonly modes: readonly ModeRecord[];
  /** Scopes whose held mode differs from the source's, with the source's mode (undefined: unset). */
  readonly held: ReadonlyMap<string, RegistryMode | undefined>;
}

export function heldModes(source: RegistrySnapshot): HeldModes {
  const sourceModes = new Map<string, RegistryMode>(source.modes.map((record) => [record.scope, record.mode]));
  const applied = new Map<string, RegistryMode>();
  for (const context of source.contexts) applied.set(contextScope(context), 'IMPORT');
  applied.set(GLOBAL_SCOPE, 'IMPORT');
  for (const [scope, mode] of sourceModes) {
    if (scopeKind(scope) !== 'subject') continue;
    applied.set(scope, isReadOnly(mode) || mode === 'IMPORT' ? mode : 'IMPORT');
  }
  const held = new Map<string, RegistryMode | undefined>();
  for (const [scope, mode] of applied) {
    if (sourceModes.get(scope) !== mode) held.set(scope, sourceModes.get(scope));
  }
  const modes = [...applied]
    .map(([scope, mode]): ModeRecord => ({ type: 'mode', scope, mode }))
    .sort((a, b) => (a.scope < b.scope ? -1 : a.scope > b.scope ? 1 : 0));
  return { modes, held };
}

/** The held modes of the scopes that differ from the source: what verify accepts on the target while a sync runs. */
export function heldTargetModes(source: RegistrySnapshot): ReadonlyMap<string, RegistryMode> {
  const { modes, held } = heldModes(source);
  return new Map(modes.filter((record) => held.has(record.scope)).map((record) => [record.scope, record.mode]));
}
