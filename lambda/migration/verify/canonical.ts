import type { SchemaType } from '../../registry-client/types';

/**
 * Comparison forms that ignore what a server may legitimately change and nothing else:
 * AVRO and JSON schema texts compare as parsed JSON with object keys sorted (the server
 * stores a canonical string whose whitespace and key order can differ from what was
 * posted, reference §1.1; array order, such as Avro field order, still counts). PROTOBUF
 * compares as text with line endings and trailing whitespace normalised.
 */
export function canonicalSchemaText(schemaType: SchemaType, schema: string): string {
  if (schemaType === 'AVRO' || schemaType === 'JSON') {
    try {
      return stableStringify(JSON.parse(schema));
    } catch {
      return schema; // not JSON (a bare Avro primitive name is JSON too; anything else compares as-is)
    }
  }
  return schema
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+$/, ''))
    .join('\n')
    .trim();
}

/** JSON with object keys sorted at every depth; undefined and null members dropped (servers omit empty fields). */
export function stableStringify(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

/** Deep equality in the stableStringify sense; `undefined` equals an absent or empty value. */
export function sameJson(a: unknown, b: unknown): boolean {
  return stableStringify(emptyToUndefined(a)) === stableStringify(emptyToUndefined(b));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const member = (value as Record<string, unknown>)[key];
      if (member !== undefined && member !== null) out[key] = sortKeys(member);
    }
    return out;
  }
  return value;
}

/** The server omits empty lists and objects (NON_EMPTY, reference §0): treat them as absent. */
function emptyToUndefined(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value) && value.length === 0) return undefined;
  if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) return undefined;
  return value;
}
