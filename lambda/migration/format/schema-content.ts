import type { SchemaContent, SchemaType } from '../../registry-client/types';

/**
 * Content identity of a schema as the server sees it (docs/registry-semantics.md §1.1: type, text,
 * references, metadata and ruleSet), made comparable across registries: the server
 * stores a canonical form of AVRO and JSON text, so two texts that differ only in
 * whitespace, key order or `{"type":"long"}` vs `"long"` are the same schema.
 */

const AVRO_PRIMITIVES = new Set(['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string']);

/** A string that is equal for two contents exactly when the server would treat them as the same schema. */
export function contentFingerprint(content: SchemaContent): string {
  return stableJson([
    content.schemaType,
    normalisedSchemaText(content.schemaType, content.schema),
    (content.references ?? []).map((ref) => [ref.name, ref.subject, ref.version]),
    emptyToUndefined(content.metadata) ?? null,
    emptyToUndefined(content.ruleSet) ?? null,
  ]);
}

/** AVRO and JSON text compared as parsed JSON; PROTOBUF compared with whitespace runs collapsed. */
export function normalisedSchemaText(schemaType: SchemaType, text: string): string {
  if (schemaType === 'PROTOBUF') return text.replace(/\s+/g, ' ').trim();
  try {
    const parsed: unknown = JSON.parse(text);
    return stableJson(schemaType === 'AVRO' ? collapseAvroPrimitives(parsed) : parsed);
  } catch {
    // Not JSON: the server would have refused it; compare it as text.
    return text.trim();
  }
}

/** `{"type":"long"}` is the same Avro schema as `"long"` (Avro's canonical string prints the latter). */
function collapseAvroPrimitives(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(collapseAvroPrimitives);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 1 && entries[0][0] === 'type' && typeof entries[0][1] === 'string' && AVRO_PRIMITIVES.has(entries[0][1])) {
    return entries[0][1];
  }
  return Object.fromEntries(entries.map(([key, inner]) => [key, collapseAvroPrimitives(inner)]));
}

/** JSON with object keys sorted, so key order never makes two values differ. */
export function stableJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(source).sort()) {
    if (source[key] !== undefined) out[key] = sortKeys(source[key]);
  }
  return out;
}

/** The server omits empty objects (NON_EMPTY), so `{}` and absent are the same. */
export function emptyToUndefined<T extends Record<string, unknown>>(value: T | undefined): T | undefined {
  return value && Object.keys(value).length > 0 ? value : undefined;
}

/** True when two JSON-like values are equal regardless of key order. */
export function deepEqualJson(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b);
}

/**
 * Equality for the optional members of a schema record or a config (references, metadata,
 * ruleSet): the server omits empty lists and objects (NON_EMPTY, docs/registry-semantics.md §0), so `[]`, `{}`
 * and absent are the same.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  return stableJson(emptyMember(a) ?? null) === stableJson(emptyMember(b) ?? null);
}

function emptyMember(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) return value.length === 0 ? undefined : value;
  if (typeof value === 'object' && Object.keys(value).length === 0) return undefined;
  return value;
}
