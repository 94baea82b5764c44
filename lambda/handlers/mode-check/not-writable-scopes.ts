import type { SchemaRegistryApi } from '../../registry-client/api';
import { mapWithConcurrency } from '../../registry-client/concurrency';
import {
  canonicalSubject,
  compareStrings,
  contextScope,
  DEFAULT_CONTEXT,
  GLOBAL_SCOPE,
  toApiScope,
  TOP_LEVEL_SCOPE,
} from '../../registry-client/names';
import type { RegistryMode } from '../../registry-client/types';

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
 */
export async function notWritableScopes(api: SchemaRegistryApi, concurrency = 8): Promise<NotWritableScope[]> {
  const [contexts, subjects] = await Promise.all([api.listContexts(), api.listSubjects({ deleted: true })]);
  const contextScopes = [...new Set(contexts.filter((c) => c !== DEFAULT_CONTEXT).map(contextScope))].sort(compareStrings);
  const subjectScopes = [...new Set(subjects.map(canonicalSubject))].sort(compareStrings);
  const scopes = [TOP_LEVEL_SCOPE, GLOBAL_SCOPE, ...contextScopes.filter((scope) => scope !== GLOBAL_SCOPE), ...subjectScopes];
  const modes = await mapWithConcurrency(scopes, concurrency, async (scope) => ({ scope, mode: await api.getMode(toApiScope(scope)) }));
  return modes.filter((m): m is NotWritableScope => m.mode !== undefined && NOT_WRITABLE.has(m.mode));
}
