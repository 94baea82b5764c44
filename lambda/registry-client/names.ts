/**
 * Subject, context and scope names (reference §6). The default context is "." and its
 * subjects are written unqualified; a subject in a named context is `:.ctx:name`.
 */

export const DEFAULT_CONTEXT = '.';
/** Context wildcard: `subjectPrefix=:*:` lists every context. */
export const ALL_CONTEXTS_PREFIX = ':*:';
/** Config/mode scope that applies under every context. */
export const GLOBAL_CONTEXT_SCOPE = ':.__GLOBAL:';

const QUALIFIED = /^:(\.[^:]*):(.*)$/s;

/** The context of a (possibly qualified) subject: ":.ctx:orders" -> ".ctx", "orders" -> ".". */
export function contextOf(subject: string): string {
  const match = QUALIFIED.exec(subject);
  if (!match || match[1] === '.') return DEFAULT_CONTEXT;
  return match[1];
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

/** One spelling per subject: ":.:orders" and "orders" both become "orders". */
export function canonicalSubject(subject: string): string {
  return qualifySubject(contextOf(subject), unqualifiedName(subject));
}

/** The config/mode scope of a context: "." -> undefined (top level), ".ctx" -> ":.ctx:". */
export function contextScope(context: string): string | undefined {
  return context === DEFAULT_CONTEXT ? undefined : `:${context}:`;
}

/** True for a context-level scope such as ":.ctx:" (also ":.__GLOBAL:"). */
export function isContextScope(scope: string): boolean {
  return /^:\.[^:]*:$/.test(scope);
}

/**
 * A reference's subject resolved against the referring subject's context (§6):
 * unqualified reference subjects live in the referrer's context.
 */
export function resolveReferenceSubject(referringSubject: string, referenceSubject: string): string {
  if (QUALIFIED.test(referenceSubject)) return canonicalSubject(referenceSubject);
  return qualifySubject(contextOf(referringSubject), referenceSubject);
}

/** Percent-encodes one path segment (unicode, spaces, slashes, colons). */
export function encodePathSegment(value: string): string {
  return encodeURIComponent(value);
}
