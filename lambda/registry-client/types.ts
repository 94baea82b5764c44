/**
 * Wire types of the Confluent Schema Registry REST API (docs/registry-semantics.md §1).
 * Shared by the client, the migration engine, the handlers and the test double.
 */

export type SchemaType = 'AVRO' | 'PROTOBUF' | 'JSON';

/** A reference resolves relative to the referring subject's context (docs/registry-semantics.md §6). */
export interface SchemaReference {
  readonly name: string;
  readonly subject: string;
  readonly version: number;
}

/**
 * The content of a schema: what makes two schemas the same one to the server (type, text,
 * references, metadata, ruleSet; docs/registry-semantics.md §1.1). Every schema shape in the
 * project (a registry answer, an export record, a registration request) is built on it.
 */
export interface SchemaContent {
  /** Normalised: servers up to 7.9 omit it for AVRO; the client fills it in. */
  readonly schemaType: SchemaType;
  readonly schema: string;
  readonly references?: readonly SchemaReference[];
  readonly metadata?: Record<string, unknown>;
  readonly ruleSet?: Record<string, unknown>;
}

/** One subject-version as returned by GET /subjects/{s}/versions/{v} or GET /schemas. */
export interface RegistrySchema extends SchemaContent {
  /** Qualified when not in the default context: ":.ctx:orders-value". */
  readonly subject: string;
  readonly version: number;
  readonly id: number;
  /** Present from 8.0; the client fills it in for older servers where it can tell. */
  readonly deleted?: boolean;
}

/** Body of POST /subjects/{s}/versions: a schema's content with an explicit id and version (IMPORT mode). */
export interface RegisterSchemaRequest extends Omit<SchemaContent, 'schemaType'> {
  /** May be left out for AVRO. */
  readonly schemaType?: SchemaType;
  readonly id?: number;
  readonly version?: number;
}

/** GET /config form: the level is named `compatibilityLevel`; PUT wants `compatibility` (docs/registry-semantics.md §1.3, §12.5). */
export type RegistryConfig = Record<string, unknown> & { readonly compatibilityLevel?: string };

/** What `GET /v1/metadata/id` says a registry runs on (docs/registry-semantics.md §2). */
export interface RegistryClusterIdentity {
  readonly kafkaCluster: string;
  /** `schema.registry.group.id`: registries sharing a Kafka cluster must differ here. */
  readonly schemaRegistryCluster: string;
}

export type RegistryMode = 'READWRITE' | 'READONLY' | 'READONLY_OVERRIDE' | 'IMPORT' | 'FORWARD';

/** The default context is ".", named contexts are ".ctx". */
export type ContextName = string;
