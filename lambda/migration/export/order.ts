import type { SchemaRecord } from '../format/records';

/**
 * Names and the stable export order (DESIGN §5: two exports of the same registry differ
 * only in the header timestamp). Strings compare by UTF-16 code units, which is the
 * order Java's String.compareTo (and so the server's listings) uses.
 */

export const DEFAULT_CONTEXT = '.';
/** Config/mode scope that applies under every context (reference §3.2). */
export const GLOBAL_SCOPE = ':.__GLOBAL:';
/** The top level in export records ("" = PUT /config, PUT /mode). */
export const TOP_LEVEL_SCOPE = '';

const QUALIFIED = /^:(\.[^:]*):(.*)$/s;

/** ":.ctx:orders" -> ".ctx"; "orders" and ":.:orders" -> ".". */
export function contextOfSubject(subject: string): string {
  const match = QUALIFIED.exec(subject);
  return !match || match[1] === DEFAULT_CONTEXT ? DEFAULT_CONTEXT : match[1];
}

/** One spelling per subject: ":.:orders" becomes "orders"; named contexts stay qualified. */
export function canonicalSubject(subject: string): string {
  const match = QUALIFIED.exec(subject);
  if (!match) return subject;
  return match[1] === DEFAULT_CONTEXT ? match[2] : subject;
}

/** The config/mode scope of a named context: ".ctx" -> ":.ctx:". */
export function contextScope(context: string): string {
  return `:${context}:`;
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

/** (context, subject, version). */
export function compareSchemaRecords(a: SchemaRecord, b: SchemaRecord): number {
  return compareContexts(a.context, b.context) || compareStrings(a.subject, b.subject) || a.version - b.version;
}

/** Sorted, de-duplicated contexts: "." first. */
export function sortContexts(contexts: Iterable<string>): string[] {
  return [...new Set(contexts)].sort(compareContexts);
}
