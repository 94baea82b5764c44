/**
 * The one naming vocabulary of a registry (docs/registry-semantics.md §3.2, §6): contexts,
 * qualified subjects, config/mode scopes, the stable order exports list them in, and how
 * messages name them. The client, the engine, the handlers and the CLI all use this module.
 *
 * - A context is "." (the default) or ".name".
 * - A subject in the default context is written plain ("orders-value"); in a named context it
 *   is qualified (":.ctx:orders-value"). `canonicalSubject` gives every subject one spelling.
 * - A scope (where a config or mode is set) is written as exports write it: "" the top level
 *   (`PUT /mode`), ":.__GLOBAL:" every context, ":.ctx:" one context, anything else a subject.
 *   The client API spells the top level `undefined` (`toApiScope`).
 *
 * Strings compare by UTF-16 code units, the order Java's String.compareTo (and so the
 * server's listings) uses.
 */

export const DEFAULT_CONTEXT = '.';
/** Context wildcard: `subjectPrefix=:*:` lists every context. */
export const ALL_CONTEXTS_PREFIX = ':*:';
/** The top-level scope in export spelling (`PUT /config`, `PUT /mode`). */
export const TOP_LEVEL_SCOPE = '';
/** The config/mode scope that applies under every context. */
export const GLOBAL_SCOPE = ':.__GLOBAL:';

export type ScopeKind = 'top' | 'global' | 'context' | 'subject';

const QUALIFIED = /^:(\.[^:]*):(.*)$/s;
const CONTEXT_SCOPE = /^:\.[^:]*:$/;

/** The context of a (possibly qualified) subject: ":.ctx:orders" -> ".ctx"; "orders" and ":.:orders" -> ".". */
export function contextOf(subject: string): string {
  const match = QUALIFIED.exec(subject);
  return !match || match[1] === DEFAULT_CONTEXT ? DEFAULT_CONTEXT : match[1];
}

/** The subject name without its context qualifier: ":.ctx:orders" -> "orders". */
export function unqualifiedName(subject: string): string {
  const match = QUALIFIED.exec(subject);
  return match ? match[2] : subject;
}

/** Qualifies `name` for `context`; the default context stays unqualified. */
export function qualifySubject(context: string, name: string): string {
  return context === DEFAULT_CONTEXT ? name : `:${context}:${name}`;
}

/** One spelling per subject: ":.:orders" becomes "orders"; named contexts stay qualified. */
export function canonicalSubject(subject: string): string {
  return qualifySubject(contextOf(subject), unqualifiedName(subject));
}

/**
 * A reference's subject resolved against the referring subject's context (docs/registry-semantics.md §6): unqualified
 * reference subjects live in the referrer's context.
 */
export function resolveReferenceSubject(referringSubject: string, referenceSubject: string): string {
  if (QUALIFIED.test(referenceSubject)) return canonicalSubject(referenceSubject);
  return qualifySubject(contextOf(referringSubject), referenceSubject);
}

/** The scope whose config/mode governs a context: "." -> "" (the top level), ".ctx" -> ":.ctx:". */
export function contextScope(context: string): string {
  return context === DEFAULT_CONTEXT ? TOP_LEVEL_SCOPE : `:${context}:`;
}

/** True for a context-level scope such as ":.ctx:" (":.__GLOBAL:" included). */
export function isContextScope(scope: string): boolean {
  return CONTEXT_SCOPE.test(scope);
}

export function scopeKind(scope: string): ScopeKind {
  if (scope === TOP_LEVEL_SCOPE) return 'top';
  if (scope === GLOBAL_SCOPE) return 'global';
  if (isContextScope(scope)) return 'context';
  return 'subject';
}

/** The client API's spelling of a scope: the top level is `undefined`. */
export function toApiScope(scope: string): string | undefined {
  return scope === TOP_LEVEL_SCOPE ? undefined : scope;
}

/** Percent-encodes one path segment (unicode, spaces, slashes, colons). */
export function encodePathSegment(value: string): string {
  return encodeURIComponent(value);
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** "." first, then named contexts lexicographically. */
export function compareContexts(a: string, b: string): number {
  if (a === b) return 0;
  if (a === DEFAULT_CONTEXT) return -1;
  if (b === DEFAULT_CONTEXT) return 1;
  return compareStrings(a, b);
}

/** Sorted, de-duplicated contexts: "." first. */
export function sortContexts(contexts: Iterable<string>): string[] {
  return [...new Set(contexts)].sort(compareContexts);
}

const NARROWEST_FIRST: Record<ScopeKind, number> = { subject: 0, context: 1, global: 2, top: 3 };

/** Narrowest first: subjects, then contexts, then ":.__GLOBAL:", then the top level (docs/registry-semantics.md §12.3); names ascending within each. */
export function narrowestFirst(a: string, b: string): number {
  return NARROWEST_FIRST[scopeKind(a)] - NARROWEST_FIRST[scopeKind(b)] || compareStrings(a, b);
}

/** Widest first: the top level, ":.__GLOBAL:", contexts, subjects; names ascending within each. */
export function widestFirst(a: string, b: string): number {
  return NARROWEST_FIRST[scopeKind(b)] - NARROWEST_FIRST[scopeKind(a)] || compareStrings(a, b);
}

/** `subject "x"` or `subject "x" version 3`, quoted so spaces and unicode stay readable. */
export function describeSubject(subject: string, version?: number): string {
  return version === undefined ? `subject ${JSON.stringify(subject)}` : `subject ${JSON.stringify(subject)} version ${version}`;
}

/** A scope as messages name it: "the top level", "all contexts (:.__GLOBAL:)", "context :.ctx:", `subject "x"`. */
export function describeScope(scope: string): string {
  switch (scopeKind(scope)) {
    case 'top':
      return 'the top level';
    case 'global':
      return `all contexts (${GLOBAL_SCOPE})`;
    case 'context':
      return `context ${scope}`;
    default:
      return describeSubject(scope);
  }
}
