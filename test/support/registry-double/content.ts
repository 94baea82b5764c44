/**
 * Schema content as the server stores it: the canonical schema text plus the fields that make up a
 * schema's identity (type, text, references, metadata, ruleSet; docs/registry-semantics.md §1.1).
 */
import { createHash } from 'node:crypto';
import type { SchemaReference, SchemaType } from '../../../lambda/registry-client/types';
import { errors } from './errors';

export const SCHEMA_TYPES: readonly SchemaType[] = ['JSON', 'PROTOBUF', 'AVRO'];

export interface SchemaContent {
  readonly schemaType: SchemaType;
  /** Canonical text: compact JSON for AVRO and JSON, trimmed text for PROTOBUF. */
  readonly schema: string;
  readonly references?: readonly SchemaReference[];
  readonly metadata?: Record<string, unknown>;
  readonly ruleSet?: Record<string, unknown>;
  /** Equal for equal content (the server's MD5 over schema, references, metadata, ruleSet). */
  readonly identity: string;
  /** Deterministic guid (>= 8.0) derived from `identity`. */
  readonly guid: string;
}

/** JSON with object keys sorted, so metadata maps compare like the server's sorted maps. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableStringify((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The canonical schema string, or a 42201 naming why the text does not parse. */
export function canonicalSchemaText(schemaType: SchemaType, schema: string): string {
  if (schemaType === 'PROTOBUF') {
    const trimmed = schema.trim();
    if (trimmed === '') throw errors.invalidSchema('of type PROTOBUF, details: empty schema');
    return trimmed;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(schema);
  } catch (e) {
    throw errors.invalidSchema(`of type ${schemaType}, details: ${(e as Error).message}`);
  }
  const avroShape = typeof parsed === 'string' || Array.isArray(parsed) || (parsed !== null && typeof parsed === 'object');
  const jsonShape = typeof parsed === 'boolean' || (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed));
  if (schemaType === 'AVRO' ? !avroShape : !jsonShape) {
    throw errors.invalidSchema(`of type ${schemaType}, details: not a valid ${schemaType} schema: ${schema.slice(0, 100)}`);
  }
  return JSON.stringify(parsed);
}

const isEmptyObject = (v: Record<string, unknown> | undefined) => v === undefined || Object.keys(v).length === 0;

/** Builds stored content; empty references/metadata/ruleSet are dropped (NON_EMPTY serialization). */
export function makeContent(input: {
  schemaType: SchemaType;
  schema: string;
  references?: readonly SchemaReference[];
  metadata?: Record<string, unknown>;
  ruleSet?: Record<string, unknown>;
}): SchemaContent {
  const references = input.references && input.references.length > 0 ? input.references.map((r) => ({ ...r })) : undefined;
  const metadata = isEmptyObject(input.metadata) ? undefined : input.metadata;
  const ruleSet = isEmptyObject(input.ruleSet) ? undefined : input.ruleSet;
  // Separators cannot occur in a schema type; the schema text is taken as is (no JSON escaping cost).
  const identity = `${input.schemaType}\u0000${stableStringify([references ?? [], metadata ?? null, ruleSet ?? null])}\u0000${input.schema}`;
  const hex = createHash('md5').update(identity).digest('hex');
  const guid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { schemaType: input.schemaType, schema: input.schema, references, metadata, ruleSet, identity, guid };
}
