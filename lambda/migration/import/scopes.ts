import { contextOf, DEFAULT_CONTEXT, GLOBAL_CONTEXT_SCOPE } from '../../registry-client/names';
import type { RegistryMode } from '../../registry-client/types';

/**
 * Config and mode scopes in the export's spelling ("" is the top level) and how the
 * server resolves a mode through them (reference §3.2).
 */

export const TOP_LEVEL_SCOPE = '';
export { GLOBAL_CONTEXT_SCOPE };

export type ScopeKind = 'subject' | 'context' | 'global' | 'top';

export function scopeKind(scope: string): ScopeKind {
  if (scope === TOP_LEVEL_SCOPE) return 'top';
  if (scope === GLOBAL_CONTEXT_SCOPE) return 'global';
  if (/^:\.[^:]*:$/.test(scope)) return 'context';
  return 'subject';
}

/** The scope whose mode governs a context: the top level for ".", ":.ctx:" otherwise. */
export function contextModeScope(context: string): string {
  return context === DEFAULT_CONTEXT ? TOP_LEVEL_SCOPE : `:${context}:`;
}

/** The API's spelling: the top level is `undefined`. */
export function toApiScope(scope: string): string | undefined {
  return scope === TOP_LEVEL_SCOPE ? undefined : scope;
}

/** Narrowest first: subjects, then contexts, then ":.__GLOBAL:", then the top level (§12.3). */
export function narrowestFirst(a: string, b: string): number {
  const rank: Record<ScopeKind, number> = { subject: 0, context: 1, global: 2, top: 3 };
  const byRank = rank[scopeKind(a)] - rank[scopeKind(b)];
  if (byRank !== 0) return byRank;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The mode the server applies to writes at `scope` (§3.2): the scope's own mode, then its
 * context's (the top level for "."), then ":.__GLOBAL:", then READWRITE.
 */
export function effectiveMode(scope: string, modes: ReadonlyMap<string, RegistryMode>): RegistryMode {
  const own = modes.get(scope);
  if (own) return own;
  const kind = scopeKind(scope);
  if (kind === 'subject') {
    const contextMode = modes.get(contextModeScope(contextOf(scope)));
    if (contextMode) return contextMode;
  }
  if (kind !== 'global') {
    const globalMode = modes.get(GLOBAL_CONTEXT_SCOPE);
    if (globalMode) return globalMode;
  }
  return 'READWRITE';
}

export function isReadOnly(mode: RegistryMode): boolean {
  return mode === 'READONLY' || mode === 'READONLY_OVERRIDE';
}

/**
 * Servers before 7.5 check compatibility even in IMPORT (reference §4.2 step 7), so the
 * import sets compatibility NONE while it registers. `undefined` means the server has no
 * `/v1/metadata/version` endpoint, i.e. it is older than 7.3.
 */
export function checksCompatibilityInImport(serverVersion: string | undefined): boolean {
  if (serverVersion === undefined) return true;
  const match = /^(\d+)\.(\d+)/.exec(serverVersion);
  if (!match) return false;
  const major = Number(match[1]);
  const minor = Number(match[2]);
  return major < 7 || (major === 7 && minor < 5);
}
