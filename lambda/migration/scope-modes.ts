import type { SchemaRegistryApi } from '../registry-client/api';
import { mapWithConcurrency } from '../registry-client/concurrency';
import {
  canonicalSubject,
  compareStrings,
  contextScope,
  DEFAULT_CONTEXT,
  GLOBAL_SCOPE,
  toApiScope,
  TOP_LEVEL_SCOPE,
} from '../registry-client/names';
import type { RegistryMode } from '../registry-client/types';

/** One scope and its own mode (undefined: unset). */
export interface ScopeMode {
  /** Export spelling: "" (top level), ":.__GLOBAL:", ":.ctx:", or a subject. */
  readonly scope: string;
  readonly mode: RegistryMode | undefined;
}

/**
 * Every scope a mode can be set on, with its own mode: the top level, ":.__GLOBAL:", each named
 * context, then each subject (soft-deleted ones included), in that order, each list sorted.
 * Both listings settle before a failure is thrown, so no retry loop is left running behind
 * the error. Used by the freeze (what to set READONLY) and the scheduled mode check (what
 * keeps producers out).
 */
export async function readScopeModes(api: SchemaRegistryApi, concurrency: number): Promise<ScopeMode[]> {
  const [contextsRead, subjectsRead] = await Promise.allSettled([api.listContexts(), api.listSubjects({ deleted: true })]);
  if (contextsRead.status === 'rejected') throw contextsRead.reason;
  if (subjectsRead.status === 'rejected') throw subjectsRead.reason;
  const contextScopes = [...new Set(contextsRead.value.filter((c) => c !== DEFAULT_CONTEXT).map(contextScope))]
    .filter((scope) => scope !== GLOBAL_SCOPE)
    .sort(compareStrings);
  const subjectScopes = [...new Set(subjectsRead.value.map(canonicalSubject))].sort(compareStrings);
  const scopes = [TOP_LEVEL_SCOPE, GLOBAL_SCOPE, ...contextScopes, ...subjectScopes];
  return mapWithConcurrency(scopes, concurrency, async (scope) => ({ scope, mode: await api.getMode(toApiScope(scope)) }));
}
