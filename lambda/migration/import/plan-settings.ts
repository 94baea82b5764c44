import type { RegistryConfig, RegistryMode } from '../../registry-client/types';
import type { RegistrySnapshot } from '../format/snapshot';
import { deepEqualJson } from '../format/schema-content';
import {
  contextOf,
  contextScope,
  GLOBAL_SCOPE,
  narrowestFirst,
  scopeKind,
  TOP_LEVEL_SCOPE,
  widestFirst,
} from '../../registry-client/names';
import { effectiveMode, isReadOnly } from '../mode-resolution';
import type { PlannedConfigWrite, PlannedModeWrite } from './types';

export interface SettingsInput {
  readonly source: RegistrySnapshot;
  readonly target: RegistrySnapshot;
  /** Contexts that receive registrations (placeholders included). */
  readonly registrationContexts: ReadonlySet<string>;
  /** Subjects that receive registrations. */
  readonly registrationSubjects: ReadonlySet<string>;
  /** Subjects that receive soft deletes. */
  readonly deleteSubjects: ReadonlySet<string>;
  /** `?force=true` when entering IMPORT (non-empty or resumed target, docs/registry-semantics.md §12.2). */
  readonly forceImportMode: boolean;
  /** The target checks compatibility even in IMPORT (before 7.5): set NONE while registering. */
  readonly legacyCompatibility: boolean;
}

export interface SettingsPlan {
  readonly enterImport: PlannedModeWrite[];
  readonly compatibilityOverrides: string[];
  readonly configs: PlannedConfigWrite[];
  readonly modes: PlannedModeWrite[];
  readonly settingsAlreadyEqual: number;
}

/**
 * Mode and config writes around the schema writes:
 * 1. IMPORT on every scope that receives registrations (the top level for ".", ":.ctx:"
 *    per named context, a subject whose own mode would shadow its context's), and on any
 *    scope whose READONLY would block a delete or config write (docs/registry-semantics.md §12.1, §12.4); nothing
 *    when there is nothing to write (docs/registry-semantics.md §12.14);
 * 2. on targets before 7.5, compatibility NONE where registrations land;
 * 3. configs made equal to the export's, scope by scope (rename, DELETE first, aliases last);
 * 4. modes restored exactly as exported, narrowest first, unset stays unset, with force (docs/registry-semantics.md §12.3, §12.6);
 *    a frozen source's freeze is already replaced by the pre-freeze modes in the export.
 * Only scopes the export knows are touched; a forced import leaves the target's other subjects alone.
 */
export function planSettings(input: SettingsInput): SettingsPlan {
  const { source, target } = input;
  const knownScopes = sourceKnownScopes(source);
  const modesAfter = new Map<string, RegistryMode>(target.modes.map((record) => [record.scope, record.mode]));
  const configsAfter = new Map<string, RegistryConfig>(target.configs.map((record) => [record.scope, record.config]));
  let settingsAlreadyEqual = 0;

  const compatibilityOverrides: string[] = [];
  if (input.legacyCompatibility) {
    for (const context of [...input.registrationContexts].sort()) {
      const scope = contextScope(context);
      const current = configsAfter.get(scope);
      if (current?.compatibilityLevel === 'NONE') continue;
      compatibilityOverrides.push(scope);
      configsAfter.set(scope, { ...current, compatibilityLevel: 'NONE' });
    }
  }

  const configs = planConfigs(source, configsAfter, knownScopes, new Set(compatibilityOverrides));
  settingsAlreadyEqual += configs.equal;

  const enterImport: PlannedModeWrite[] = [];
  const enter = (scope: string): void => {
    if (modesAfter.get(scope) === 'IMPORT') return;
    modesAfter.set(scope, 'IMPORT');
    enterImport.push({ scope, mode: 'IMPORT', force: input.forceImportMode });
  };
  for (const context of input.registrationContexts) enter(contextScope(context));
  for (const subject of input.registrationSubjects) {
    if (modesAfter.has(subject)) enter(subject);
  }
  // READONLY blocks deletes and config writes (not mode writes): lift it where it would.
  const otherWrites = [...input.deleteSubjects, ...configs.writes.map((write) => write.scope), ...compatibilityOverrides];
  for (const scope of otherWrites) {
    if (!isReadOnly(effectiveMode(scope, modesAfter))) continue;
    const ownScope = modesAfter.has(scope) || scopeKind(scope) !== 'subject';
    enter(ownScope ? scope : contextScope(contextOf(scope)));
  }
  enterImport.sort((a, b) => widestFirst(a.scope, b.scope));

  const modes = planModes(source, modesAfter, knownScopes);
  settingsAlreadyEqual += modes.equal;

  return { enterImport, compatibilityOverrides, configs: configs.writes, modes: modes.writes, settingsAlreadyEqual };
}

/** Scopes the export speaks for: top level, ":.__GLOBAL:", its contexts, its subjects and the scopes it has settings on. */
function sourceKnownScopes(source: RegistrySnapshot): Set<string> {
  const scopes = new Set<string>([TOP_LEVEL_SCOPE, GLOBAL_SCOPE]);
  for (const context of source.contexts) scopes.add(contextScope(context));
  for (const record of source.schemas) scopes.add(record.subject);
  for (const record of source.configs) scopes.add(record.scope);
  for (const record of source.modes) scopes.add(record.scope);
  return scopes;
}

/** Top level and ":.__GLOBAL:" read back defaults when unset, so "unset" there cannot be told from the default (docs/registry-semantics.md §12.6). */
function readsDefaultWhenUnset(scope: string): boolean {
  const kind = scopeKind(scope);
  return kind === 'top' || kind === 'global';
}

function planConfigs(
  source: RegistrySnapshot,
  configsAfter: ReadonlyMap<string, RegistryConfig>,
  knownScopes: ReadonlySet<string>,
  overridden: ReadonlySet<string>,
): { writes: PlannedConfigWrite[]; equal: number } {
  const desired = new Map<string, RegistryConfig>(source.configs.map((record) => [record.scope, record.config]));
  const scopes = new Set([...desired.keys(), ...[...configsAfter.keys()].filter((scope) => knownScopes.has(scope))]);
  const writes: PlannedConfigWrite[] = [];
  let equal = 0;
  for (const scope of [...scopes].sort(narrowestFirst)) {
    const want = desired.get(scope);
    const current = configsAfter.get(scope);
    if (want === undefined) {
      // The export cannot say whether a defaulted scope was set; leave it unless this import changed it.
      if (current === undefined || (readsDefaultWhenUnset(scope) && !overridden.has(scope))) continue;
      writes.push({ scope, deleteFirst: true });
      continue;
    }
    if (current !== undefined && deepEqualJson(want, current)) {
      equal++;
      continue;
    }
    const dropsAField =
      current !== undefined && Object.keys(current).some((field) => current[field] !== undefined && want[field] === undefined);
    writes.push({ scope, deleteFirst: dropsAField, body: configPutBody(want) });
  }
  // Alias configs last: once set, AliasFilter rewrites paths of the alias subject (docs/registry-semantics.md §10 step 7).
  const withAlias = (write: PlannedConfigWrite): number => (write.body && write.body.alias !== undefined ? 1 : 0);
  writes.sort((a, b) => withAlias(a) - withAlias(b));
  return { writes, equal };
}

/** GET names the level `compatibilityLevel`; PUT wants `compatibility` (a PUT with the GET name silently sets nothing, docs/registry-semantics.md §12.5). */
export function configPutBody(config: RegistryConfig): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(config)) {
    if (value === undefined) continue;
    body[field === 'compatibilityLevel' ? 'compatibility' : field] = value;
  }
  return body;
}

function planModes(
  source: RegistrySnapshot,
  modesAfter: ReadonlyMap<string, RegistryMode>,
  knownScopes: ReadonlySet<string>,
): { writes: PlannedModeWrite[]; equal: number } {
  // A frozen source needs no special case: the exporter already wrote each frozen scope's
  // pre-freeze mode (or no record) instead of the freeze's READONLY (HeaderRecord.frozenScopes).
  const desired = new Map<string, RegistryMode>(source.modes.map((record) => [record.scope, record.mode]));
  const scopes = new Set([...desired.keys(), ...[...modesAfter.keys()].filter((scope) => knownScopes.has(scope))]);
  const writes: PlannedModeWrite[] = [];
  let equal = 0;
  for (const scope of [...scopes].sort(narrowestFirst)) {
    const want = desired.get(scope);
    const current = modesAfter.get(scope);
    const same = readsDefaultWhenUnset(scope) ? (want ?? 'READWRITE') === (current ?? 'READWRITE') : want === current;
    if (same) {
      equal++;
      continue;
    }
    writes.push(want === undefined ? { scope, force: false } : { scope, mode: want, force: true });
  }
  return { writes, equal };
}
