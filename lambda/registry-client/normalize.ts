import type { RegistrySchema, SchemaContent, SchemaReference, SchemaType } from './types';

/**
 * Turns server JSON into the client's normalised shapes (docs/registry-semantics.md §1.1):
 * - `schemaType` absent means AVRO (servers up to 7.9 omit it);
 * - `references` absent or empty becomes undefined (servers omit empty lists);
 * - `metadata`/`ruleSet` null becomes undefined;
 * - `deleted` kept when the server sends it (8.0+).
 * Keys come out in a stable order so exports of the same registry are byte-identical.
 */

const SCHEMA_TYPES: readonly string[] = ['AVRO', 'PROTOBUF', 'JSON'];

export class UnexpectedResponseError extends Error {}

export function normaliseSchemaType(value: unknown): SchemaType {
  if (value === undefined || value === null || value === '') return 'AVRO';
  if (typeof value === 'string' && SCHEMA_TYPES.includes(value.toUpperCase())) return value.toUpperCase() as SchemaType;
  throw new UnexpectedResponseError(`unknown schemaType ${JSON.stringify(value)}`);
}

export function normaliseReferences(value: unknown): SchemaReference[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw new UnexpectedResponseError('references is not a list');
  if (value.length === 0) return undefined;
  return value.map((ref) => {
    if (!isObject(ref) || typeof ref.name !== 'string' || typeof ref.subject !== 'string' || !Number.isInteger(ref.version)) {
      throw new UnexpectedResponseError('a reference lacks name, subject or version');
    }
    return { name: ref.name, subject: ref.subject, version: ref.version as number };
  });
}

/** The content fields shared by every schema answer, in stable key order. */
export function normaliseSchemaContent(body: Record<string, unknown>): SchemaContent & { readonly deleted?: boolean } {
  if (typeof body.schema !== 'string') throw new UnexpectedResponseError('schema text missing');
  const out: { -readonly [K in keyof SchemaContent]: SchemaContent[K] } & { deleted?: boolean } = {
    schemaType: normaliseSchemaType(body.schemaType),
    schema: body.schema,
  };
  const references = normaliseReferences(body.references);
  if (references) out.references = references;
  if (isObject(body.metadata)) out.metadata = body.metadata;
  if (isObject(body.ruleSet)) out.ruleSet = body.ruleSet;
  if (typeof body.deleted === 'boolean') out.deleted = body.deleted;
  return out;
}

/** A full subject-version (GET /subjects/{s}/versions/{v}, each element of GET /schemas). */
export function normaliseRegistrySchema(body: unknown): RegistrySchema {
  if (!isObject(body)) throw new UnexpectedResponseError('expected a schema object');
  const { subject, version, id } = body;
  if (typeof subject !== 'string' || !Number.isInteger(version) || !Number.isInteger(id)) {
    throw new UnexpectedResponseError('a schema lacks subject, version or id');
  }
  const content = normaliseSchemaContent(body);
  const out: {
    -readonly [K in keyof RegistrySchema]: RegistrySchema[K];
  } = {
    subject,
    version: version as number,
    id: id as number,
    schemaType: content.schemaType,
    schema: content.schema,
  };
  if (content.references) out.references = content.references;
  if (content.metadata) out.metadata = content.metadata;
  if (content.ruleSet) out.ruleSet = content.ruleSet;
  if (content.deleted !== undefined) out.deleted = content.deleted;
  return out;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
