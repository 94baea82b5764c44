/** PUT/DELETE /mode[/{scope}] (docs/registry-semantics.md §3.1, §3.3): validation, mutability, and the rules for entering IMPORT. */
import { errors } from '../errors';
import { GLOBAL_CONTEXT_SCOPE, TOP_LEVEL_SCOPE, isValidSubject, parseQualified, scopeContains, scopeKey } from '../names';
import type { ResolvedOptions } from '../options';
import { MODES, effectiveMode } from '../scopes';
import type { RegistryState, StoredVersion } from '../state';

/** Sets (or, with `mode: null`, clears) the mode of a scope. `rawScope` undefined is the top level. Returns the echo body. */
export function setMode(
  state: RegistryState,
  options: ResolvedOptions,
  rawScope: string | undefined,
  body: unknown,
  force: boolean,
): { mode: string | null; mutated: boolean } {
  if (rawScope !== undefined && !isValidSubject(rawScope, true)) throw errors.invalidSubject(rawScope);
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw errors.badJson('the request body must be a JSON object like {"mode":"IMPORT"}');
  }
  const requested = (body as Record<string, unknown>).mode;
  if (requested !== undefined && requested !== null && typeof requested !== 'string') throw errors.badJson('"mode" must be a string');
  const key = rawScope === undefined ? TOP_LEVEL_SCOPE : scopeKey(rawScope);
  const mode = typeof requested === 'string' ? requested.toUpperCase() : null;
  const known = MODES.filter((m) => m !== 'FORWARD' || options.version.atLeast('8.1.0'));
  if (mode !== null && !(known as readonly string[]).includes(mode)) throw errors.invalidMode();
  if (mode === 'FORWARD' && key !== TOP_LEVEL_SCOPE) throw errors.invalidMode('Forward mode only supported on global level');
  if (!options.modeMutability) throw errors.notPermitted('Mode changes are not allowed');

  if (mode === 'IMPORT' && effectiveMode(state, options, key) !== 'IMPORT' && !force) {
    const inScope = versionsInScope(state, key);
    if (inScope.some((v) => !v.deleted)) throw errors.notPermitted('Cannot import since found existing subjects');
    // 7.6.2+: entering IMPORT hard-deletes every soft-deleted version left in the scope.
    const doomed = new Set(inScope);
    for (const v of inScope) {
      if (state.referrersOf(v, false).some((r) => !doomed.has(r))) {
        throw errors.referenceExists(
          `One or more references exist to the schema {magic=1,keytype=SCHEMA,subject=${v.qualified},version=${v.version}}.`,
        );
      }
    }
    for (const v of inScope) state.remove(v);
  }
  if (mode === null) state.modes.delete(key);
  else state.modes.set(key, mode);
  return { mode, mutated: true };
}

/** DELETE /mode[/{scope}]: returns the old mode, 40401 when none was set at that scope. */
export function deleteMode(state: RegistryState, options: ResolvedOptions, rawScope: string | undefined): string {
  const key = rawScope === undefined ? TOP_LEVEL_SCOPE : scopeKey(rawScope);
  if (!options.modeMutability) throw errors.notPermitted('Mode changes are not allowed');
  const old = state.modes.get(key);
  if (old === undefined) throw errors.subjectNotFound(rawScope ?? '');
  state.modes.delete(key);
  return old;
}

function versionsInScope(state: RegistryState, key: string): StoredVersion[] {
  const out: StoredVersion[] = [];
  const scope = parseQualified(key);
  const contexts = key === TOP_LEVEL_SCOPE || key === GLOBAL_CONTEXT_SCOPE ? [...state.contexts.values()] : [state.context(scope.context)];
  for (const ctx of contexts) {
    if (!ctx) continue;
    for (const [subjectName, subject] of ctx.subjects) {
      if (!scopeContains(key, { context: ctx.name, subject: subjectName })) continue;
      out.push(...subject.versions.values());
    }
  }
  return out;
}
