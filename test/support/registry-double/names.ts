/**
 * Qualified subject names `[:.context:]subject` (docs/registry-semantics.md §6), mirroring the real
 * server's `QualifiedSubject`: parsing, validation (42208) and the keys used for
 * mode/config scopes.
 */

export const DEFAULT_CONTEXT = '.';
export const GLOBAL_CONTEXT = '.__GLOBAL';
export const CONTEXT_WILDCARD = ':*:';
/** Scope key of the top-level (global) mode/config, set by `PUT /mode` and `PUT /config`. */
export const TOP_LEVEL_SCOPE = '';
/** Scope key of the `:.__GLOBAL:` context mode/config. */
export const GLOBAL_CONTEXT_SCOPE = `:${GLOBAL_CONTEXT}:`;

export interface QualifiedName {
  /** '.' for the default context, '.ctx' otherwise ('*' for the wildcard). */
  readonly context: string;
  /** Unqualified subject name; '' when the name denotes a context. */
  readonly subject: string;
}

/** Splits `:.ctx:subject` into context and subject like `QualifiedSubject(String, String)`. */
export function parseQualified(qualified: string): QualifiedName {
  if (qualified.startsWith(':.')) {
    const ix = qualified.indexOf(':', 2);
    if (ix >= 0) return { context: qualified.substring(1, ix), subject: qualified.substring(ix + 1) };
    return { context: qualified.substring(1), subject: '' };
  }
  if (qualified.startsWith(CONTEXT_WILDCARD)) return { context: '*', subject: qualified.substring(CONTEXT_WILDCARD.length) };
  return { context: DEFAULT_CONTEXT, subject: qualified };
}

/** `:.ctx:` for a named context, '' for the default context. */
export function contextPrefix(context: string): string {
  return context === DEFAULT_CONTEXT ? '' : `:${context}:`;
}

/** The normalized qualified form (`:.:foo` becomes `foo`). */
export function qualify(name: QualifiedName): string {
  return contextPrefix(name.context) + name.subject;
}

/** Java `CharMatcher.javaIsoControl()`: U+0000-U+001F and U+007F-U+009F. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point: the server rejects them in subject names.
const ISO_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** `QualifiedSubject.isValidSubject`: no control characters, not `__GLOBAL`/`__EMPTY`, `.__GLOBAL` only for config/mode. */
export function isValidSubject(qualified: string, isConfigOrMode: boolean): boolean {
  if (ISO_CONTROL.test(qualified)) return false;
  const name = parseQualified(qualified);
  if (name.subject === '__GLOBAL' || name.subject === '__EMPTY') return false;
  if (!isConfigOrMode && name.context === GLOBAL_CONTEXT) return false;
  return true;
}

/**
 * Resolves a reference's subject against the referring subject's context
 * (`qualifySubjectWithParent`): an unqualified reference lives in the parent's context.
 */
export function resolveReferenceSubject(parent: QualifiedName, referenceSubject: string): QualifiedName {
  const ref = parseQualified(referenceSubject);
  if (ref.context !== DEFAULT_CONTEXT) return ref;
  return { context: parent.context, subject: ref.subject };
}

/** Normalized key of a mode/config scope given in a path (`/mode/{scope}`); ':.:' maps to the top level. */
export function scopeKey(raw: string): string {
  return qualify(parseQualified(raw));
}

/**
 * Scope keys consulted, narrowest first, to resolve the mode or config of a scope (docs/registry-semantics.md §3.2):
 * subject, then its context (or the top level for the default context), then `:.__GLOBAL:`.
 */
export function resolutionChain(key: string): string[] {
  if (key === TOP_LEVEL_SCOPE) return [TOP_LEVEL_SCOPE, GLOBAL_CONTEXT_SCOPE];
  if (key === GLOBAL_CONTEXT_SCOPE) return [GLOBAL_CONTEXT_SCOPE];
  const name = parseQualified(key);
  const chain: string[] = [];
  if (name.subject !== '') chain.push(key);
  const contextKey = contextPrefix(name.context);
  if (!chain.includes(contextKey)) chain.push(contextKey);
  chain.push(GLOBAL_CONTEXT_SCOPE);
  return chain;
}

/** Whether subject `name` lies inside mode scope `key` (`IMC.matchingSubjectPredicate`). */
export function scopeContains(key: string, name: QualifiedName): boolean {
  if (key === TOP_LEVEL_SCOPE || key === GLOBAL_CONTEXT_SCOPE) return true;
  const scope = parseQualified(key);
  if (scope.subject === '') return scope.context === name.context;
  return scope.context === name.context && scope.subject === name.subject;
}
