import { createHash } from 'node:crypto';
import type { SchemaContent, SchemaType } from '../../registry-client/types';

/**
 * Content identity of a schema as the server sees it (docs/registry-semantics.md §1.1: type, text,
 * references, metadata and ruleSet), made comparable across registries: the server
 * stores a canonical form of AVRO and JSON text, so two texts that differ only in
 * whitespace, key order or `{"type":"long"}` vs `"long"` are the same schema.
 */

const AVRO_PRIMITIVES = new Set(['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string']);

/**
 * Fingerprints by content object: a sync pass asks about the same records in its conflict
 * check, its removal plan and the ledger (records are never mutated once read).
 */
const fingerprints = new WeakMap<SchemaContent, string>();

/**
 * A string that is equal for two contents exactly when the server would treat them as the
 * same schema: the SHA-256 (hex) of their canonical form. A hash rather than the form itself,
 * so that remembering the fingerprint of every version of two registries costs 64 characters
 * per version, not a second copy of every schema.
 */
export function contentFingerprint(content: SchemaContent): string {
  let fingerprint = fingerprints.get(content);
  if (fingerprint === undefined) {
    const canonicalForm = stableJson([
      content.schemaType,
      normalisedSchemaText(content.schemaType, content.schema),
      (content.references ?? []).map((ref) => [ref.name, ref.subject, ref.version]),
      emptyToUndefined(content.metadata) ?? null,
      emptyToUndefined(content.ruleSet) ?? null,
    ]);
    fingerprint = createHash('sha256').update(canonicalForm).digest('hex');
    fingerprints.set(content, fingerprint);
  }
  return fingerprint;
}

/** AVRO and JSON text compared as parsed JSON; PROTOBUF compared with whitespace runs collapsed. */
export function normalisedSchemaText(schemaType: SchemaType, text: string): string {
  if (schemaType === 'PROTOBUF') return text.replace(/\s+/g, ' ').trim();
  try {
    const parsed: unknown = JSON.parse(text);
    return JSON.stringify(canonical(parsed, schemaType === 'AVRO'));
  } catch {
    // Not JSON: the server would have refused it; compare it as text.
    return text.trim();
  }
}

/** JSON with object keys sorted, so key order never makes two values differ. */
export function stableJson(value: unknown): string {
  return JSON.stringify(canonical(value, false));
}

/**
 * `value` with object keys sorted and undefined members left out; with `avro`, also
 * `{"type":"long"}` written as `"long"` (the same Avro schema: Avro's canonical string prints
 * the latter). One walk, since fingerprints are computed for every version of a registry.
 */
function canonical(value: unknown, avro: boolean): unknown {
  if (Array.isArray(value)) return value.map((inner) => canonical(inner, avro));
  if (typeof value !== 'object' || value === null) return value;
  const source = value as Record<string, unknown>;
  const keys = Object.keys(source);
  if (avro && keys.length === 1 && keys[0] === 'type' && typeof source.type === 'string' && AVRO_PRIMITIVES.has(source.type)) {
    return source.type;
  }
  const out: Record<string, unknown> = {};
  for (const key of keys.sort()) {
    if (source[key] !== undefined) out[key] = canonical(source[key], avro);
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
