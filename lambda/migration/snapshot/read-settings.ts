import type { SchemaRegistryApi } from '../../registry-client/api';
import { mapWithConcurrency } from '../../registry-client/concurrency';
import type { RegistryConfig, RegistryMode } from '../../registry-client/types';
import type { ConfigRecord, ModeRecord } from '../format/records';
import { compareStrings, GLOBAL_SCOPE, TOP_LEVEL_SCOPE } from '../../registry-client/names';

/*
 * Reads configs and modes at every scope a registry can hold them (docs/registry-semantics.md §2 "What
 * cannot be exported", docs/registry-semantics.md §3, §12.6). No endpoint lists the scopes that have one, so every
 * candidate scope is asked: the top level, ":.__GLOBAL:", each named context and each
 * subject (soft-deleted ones included), concurrently and bounded.
 *
 * Unset versus default (docs/registry-semantics.md §12.6): contexts and subjects answer 40408/40409 when unset, so
 * "unset stays absent" there. The top level and ":.__GLOBAL:" answer the server default
 * when unset, so an exporter cannot always tell. The choice made here:
 * - top level: always recorded. An importer writing the same value back is harmless, and
 *   it must write a top-level mode anyway to leave IMPORT.
 * - ":.__GLOBAL:": recorded unless it looks like the unset answer (mode READWRITE; config
 *   exactly `{compatibilityLevel: "BACKWARD"}`, the server's built-in default). Set-to-that
 *   and unset resolve identically on a target with the same server default, and an unset
 *   scope never turns into a set one on the target.
 *
 * Config subjects with no schema at all (alias-only subjects) cannot be discovered (docs/registry-semantics.md §2).
 */

export interface ReadSettingsOptions {
  /** Requests in flight at once. @default 16 */
  readonly concurrency?: number;
  /** Called with the number of scopes finished so far and the total. */
  readonly onScopes?: (done: number, total: number) => void;
}

export interface ReadSettingsResult {
  /** Sorted by scope. */
  readonly configs: ConfigRecord[];
  /** Sorted by scope. */
  readonly modes: ModeRecord[];
}

/** The compatibility level a server uses when nothing is configured (`schema.compatibility.level`, docs/registry-semantics.md §1.3). */
export const SERVER_DEFAULT_COMPATIBILITY = 'BACKWARD';
/** The mode a scope resolves to when nothing is set anywhere (docs/registry-semantics.md §3.2). */
export const SERVER_DEFAULT_MODE: RegistryMode = 'READWRITE';

/**
 * Reads every set config and mode (see the file comment for the unset-versus-default rule).
 * @param contextScopes ":.ctx:" for every named context.
 * @param subjects every subject, canonical spelling, soft-deleted ones included.
 */
export async function readSettings(
  api: SchemaRegistryApi,
  contextScopes: readonly string[],
  subjects: readonly string[],
  options: ReadSettingsOptions = {},
): Promise<ReadSettingsResult> {
  const scopes = [TOP_LEVEL_SCOPE, GLOBAL_SCOPE, ...contextScopes, ...subjects];
  let done = 0;

  // Two reads for every subject make this the export's hottest loop: a worker pool, not a queueing limiter.
  const results = await mapWithConcurrency(scopes, options.concurrency ?? 16, async (scope) => {
    const apiScope = scope === TOP_LEVEL_SCOPE ? undefined : scope;
    const [config, mode] = await Promise.all([api.getConfig(apiScope), api.getMode(apiScope)]);
    done += 1;
    options.onScopes?.(done, scopes.length);
    return { scope, config: keepConfig(scope, config), mode: keepMode(scope, mode) };
  });

  const configs: ConfigRecord[] = [];
  const modes: ModeRecord[] = [];
  for (const r of results) {
    if (r.config) configs.push({ type: 'config', scope: r.scope, config: r.config });
    if (r.mode) modes.push({ type: 'mode', scope: r.scope, mode: r.mode });
  }
  configs.sort((a, b) => compareStrings(a.scope, b.scope));
  modes.sort((a, b) => compareStrings(a.scope, b.scope));
  return { configs, modes };
}

function keepConfig(scope: string, config: RegistryConfig | undefined): RegistryConfig | undefined {
  if (!config) return undefined;
  if (scope === GLOBAL_SCOPE && looksLikeUnsetConfig(config)) return undefined;
  return config;
}

function keepMode(scope: string, mode: RegistryMode | undefined): RegistryMode | undefined {
  if (!mode) return undefined;
  if (scope === GLOBAL_SCOPE && mode === SERVER_DEFAULT_MODE) return undefined;
  return mode;
}

/** `{compatibilityLevel: "BACKWARD"}` and nothing else: what an unset scope answers. */
export function looksLikeUnsetConfig(config: RegistryConfig): boolean {
  const keys = Object.keys(config).filter((k) => config[k] !== undefined && config[k] !== null);
  return keys.length === 1 && keys[0] === 'compatibilityLevel' && config.compatibilityLevel === SERVER_DEFAULT_COMPATIBILITY;
}
