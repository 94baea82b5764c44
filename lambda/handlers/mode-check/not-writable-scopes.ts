import type { SchemaRegistryApi } from '../../registry-client/api';
import type { RegistryMode } from '../../registry-client/types';
import { readScopeModes } from '../../migration/scope-modes';

/** Modes that refuse a producer's registration (docs/registry-semantics.md §3.2). */
const NOT_WRITABLE: ReadonlySet<RegistryMode> = new Set<RegistryMode>(['IMPORT', 'READONLY', 'READONLY_OVERRIDE']);

/** A scope whose own mode keeps producers from registering schemas. */
export interface NotWritableScope {
  /** Export spelling: "" (top level), ":.__GLOBAL:", ":.ctx:", or a subject. */
  readonly scope: string;
  readonly mode: RegistryMode;
}

/**
 * Every scope of the registry whose own mode is IMPORT, READONLY or READONLY_OVERRIDE: the top
 * level, ":.__GLOBAL:", each named context and each subject (soft-deleted ones included), in
 * that order. A mode is only asked where it can be set, so a registry left in IMPORT at the top
 * level counts once, not once per subject. Unset scopes and READWRITE count as writable.
 *
 * The top level answers ":.__GLOBAL:"'s mode when it has none of its own (docs/registry-semantics.md
 * §12.6), and the two cannot be told apart: a top level that answers the same not-writable mode
 * as ":.__GLOBAL:" is taken as inherited and counted once, under ":.__GLOBAL:".
 */
export async function notWritableScopes(api: SchemaRegistryApi, concurrency = 8): Promise<NotWritableScope[]> {
  const modes = await readScopeModes(api, concurrency);
  const globalMode = modes[1].mode;
  return modes.filter(
    (m, index): m is NotWritableScope => m.mode !== undefined && NOT_WRITABLE.has(m.mode) && !(index === 0 && m.mode === globalMode),
  );
}
