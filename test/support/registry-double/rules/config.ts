/** PUT/DELETE /config[/{scope}] (docs/registry-semantics.md §1.3, §3.1, §12.5): the PUT names the level `compatibility` and merges. */
import { errors } from '../errors';
import { TOP_LEVEL_SCOPE, isValidSubject, scopeKey } from '../names';
import type { ResolvedOptions } from '../options';
import { effectiveMode, isReadOnly } from '../scopes';
import type { RegistryState } from '../state';

export const COMPATIBILITY_LEVELS = ['NONE', 'BACKWARD', 'BACKWARD_TRANSITIVE', 'FORWARD', 'FORWARD_TRANSITIVE', 'FULL', 'FULL_TRANSITIVE'];

/** ConfigUpdateRequest fields stored under the same name; `compatibility` is stored as `compatibilityLevel`. */
const PASS_THROUGH_FIELDS = [
  'compatibilityGroup',
  'defaultMetadata',
  'overrideMetadata',
  'defaultRuleSet',
  'overrideRuleSet',
  'alias',
  'normalize',
  'validateFields',
  'validateRules',
  'aliasForDeks',
  'validateNewSchemas',
  'compatibilityPolicy',
];

/** Merges the request into the scope's config. Returns the echo of the request (its PUT form). */
export function updateConfig(
  state: RegistryState,
  options: ResolvedOptions,
  rawScope: string | undefined,
  body: unknown,
): Record<string, unknown> {
  if (rawScope !== undefined && !isValidSubject(rawScope, true)) throw errors.invalidSubject(rawScope);
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw errors.badJson('the request body must be a JSON object like {"compatibility":"BACKWARD"}');
  }
  const req = body as Record<string, unknown>;
  const echo: Record<string, unknown> = {};
  const update: Record<string, unknown> = {};
  if (req.compatibility !== undefined && req.compatibility !== null) {
    const level = typeof req.compatibility === 'string' ? req.compatibility.toUpperCase() : '';
    if (!COMPATIBILITY_LEVELS.includes(level)) throw errors.invalidCompatibility();
    echo.compatibility = level;
    update.compatibilityLevel = level;
  }
  for (const field of PASS_THROUGH_FIELDS) {
    if (req[field] !== undefined && req[field] !== null) {
      echo[field] = req[field];
      update[field] = req[field];
    }
  }
  const key = rawScope === undefined ? TOP_LEVEL_SCOPE : scopeKey(rawScope);
  assertConfigWritable(state, options, key);
  // A request without known fields (e.g. only `compatibilityLevel`) still writes a record that sets nothing.
  state.configs.set(key, { ...(state.configs.get(key) ?? {}), ...update });
  return echo;
}

/** DELETE /config/{scope}: the old config, 40401 when nothing is set. DELETE /config resets the top level. */
export function deleteConfig(state: RegistryState, options: ResolvedOptions, rawScope: string | undefined): Record<string, unknown> {
  const key = rawScope === undefined ? TOP_LEVEL_SCOPE : scopeKey(rawScope);
  const old = state.configs.get(key);
  if (old === undefined && rawScope !== undefined) throw errors.subjectNotFound(rawScope);
  assertConfigWritable(state, options, key);
  state.configs.delete(key);
  return old ?? { compatibilityLevel: options.defaultCompatibility };
}

function assertConfigWritable(state: RegistryState, options: ResolvedOptions, key: string): void {
  if (isReadOnly(effectiveMode(state, options, key))) {
    throw errors.notPermitted(`Subject ${key} is in read-only mode`);
  }
}
