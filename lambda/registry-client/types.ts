/**
 * Wire types of the Confluent Schema Registry REST API (reference: schema-registry-api.md §1).
 * Shared by the client, the migration engine, the handlers and the test double.
 */

export type SchemaType = 'AVRO' | 'PROTOBUF' | 'JSON';

/** A reference resolves relative to the referring subject's context (§6). */
export interface SchemaReference {
  readonly name: string;
  readonly subject: string;
  readonly version: number;
}

/** One subject-version as returned by GET /subjects/{s}/versions/{v} or GET /schemas (normalised: schemaType always set). */
export interface RegistrySchema {
  /** Qualified when not in the default context: ":.ctx:orders-value". */
  readonly subject: string;
  readonly version: number;
  readonly id: number;
  readonly schemaType: SchemaType;
  readonly schema: string;
  readonly references?: readonly SchemaReference[];
  readonly metadata?: Record<string, unknown>;
  readonly ruleSet?: Record<string, unknown>;
  /** Present from 8.0; the client fills it in for older servers where it can tell. */
  readonly deleted?: boolean;
}

/** Body of POST /subjects/{s}/versions. */
export interface RegisterSchemaRequest {
  readonly schema: string;
  readonly schemaType?: SchemaType;
  readonly references?: readonly SchemaReference[];
  readonly metadata?: Record<string, unknown>;
  readonly ruleSet?: Record<string, unknown>;
  readonly id?: number;
  readonly version?: number;
}

/** GET /config form: the level is named `compatibilityLevel`; PUT wants `compatibility` (§1.3, §12.5). */
export type RegistryConfig = Record<string, unknown> & { readonly compatibilityLevel?: string };

export type RegistryMode = 'READWRITE' | 'READONLY' | 'READONLY_OVERRIDE' | 'IMPORT' | 'FORWARD';

/** The default context is ".", named contexts are ".ctx". */
export type ContextName = string;
