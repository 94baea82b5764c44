/** Effective mode and config of a scope (docs/registry-semantics.md §3.2): subject, then context or top level, then `:.__GLOBAL:`, then default. */
import type { ResolvedOptions } from './options';
import type { RegistryState } from './state';
import { TOP_LEVEL_SCOPE, resolutionChain } from './names';

export const MODES = ['READWRITE', 'READONLY', 'READONLY_OVERRIDE', 'IMPORT', 'FORWARD'] as const;

export function effectiveMode(state: RegistryState, options: ResolvedOptions, key: string): string {
  // Up to 8.1.x a top-level READONLY_OVERRIDE beats every narrower mode (removed in 8.2).
  if (!options.version.atLeast('8.2.0') && state.modes.get(TOP_LEVEL_SCOPE) === 'READONLY_OVERRIDE') {
    return 'READONLY_OVERRIDE';
  }
  for (const scope of resolutionChain(key)) {
    const mode = state.modes.get(scope);
    if (mode !== undefined) return mode;
  }
  return 'READWRITE';
}

export function isReadOnly(mode: string): boolean {
  return mode === 'READONLY' || mode === 'READONLY_OVERRIDE';
}

/** `isImportOrForwardMode`. */
export function isImportLike(mode: string): boolean {
  return mode === 'IMPORT' || mode === 'FORWARD';
}

/** Config of a scope merged over its fallbacks, widest first, starting from the server default. */
export function effectiveConfig(state: RegistryState, options: ResolvedOptions, key: string): Record<string, unknown> {
  const merged: Record<string, unknown> = { compatibilityLevel: options.defaultCompatibility };
  for (const scope of resolutionChain(key).reverse()) Object.assign(merged, state.configs.get(scope) ?? {});
  return merged;
}
