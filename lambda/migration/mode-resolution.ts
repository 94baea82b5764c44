import { contextOf, contextScope, GLOBAL_SCOPE, scopeKind } from '../registry-client/names';
import type { RegistryMode } from '../registry-client/types';

/**
 * How the server resolves the mode that applies to writes at a scope
 * (docs/registry-semantics.md §3.2): the scope's own mode, then its context's (the top level
 * for "."), then ":.__GLOBAL:", then READWRITE. `modes` maps scopes (export spelling) to the
 * modes set on them.
 */
export function effectiveMode(scope: string, modes: ReadonlyMap<string, RegistryMode>): RegistryMode {
  const own = modes.get(scope);
  if (own) return own;
  const kind = scopeKind(scope);
  if (kind === 'subject') {
    const contextMode = modes.get(contextScope(contextOf(scope)));
    if (contextMode) return contextMode;
  }
  if (kind !== 'global') {
    const globalMode = modes.get(GLOBAL_SCOPE);
    if (globalMode) return globalMode;
  }
  return 'READWRITE';
}

/** READONLY and READONLY_OVERRIDE refuse registrations, deletes and config writes (not mode writes, docs/registry-semantics.md §12.4). */
export function isReadOnly(mode: RegistryMode): boolean {
  return mode === 'READONLY' || mode === 'READONLY_OVERRIDE';
}
