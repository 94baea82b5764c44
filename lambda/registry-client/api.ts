import type { ContextName, RegisterSchemaRequest, RegistryClusterIdentity, RegistryConfig, RegistryMode, RegistrySchema } from './types';

/**
 * What the migration engine needs from a Schema Registry. Implemented over HTTP by
 * `HttpSchemaRegistryClient` (client.ts). Scopes for config and mode: `undefined`
 * (top level), a subject (qualified when not in the default context), a context
 * `":.ctx:"`, or `":.__GLOBAL:"`.
 *
 * Reads answer `undefined` where the server says "not set" (40408, 40409) or
 * "not found" for a single item; every other failure throws a `RegistryError`
 * (errors.ts) after the client's bounded retries.
 */
export interface SchemaRegistryApi {
  /** Base URL without credentials, safe to log and to write into an export header. */
  readonly displayUrl: string;

  /** `GET /v1/metadata/version`; undefined before 7.3, where the endpoint is missing. */
  serverVersion(): Promise<string | undefined>;

  /**
   * `GET /v1/metadata/id`: the Kafka cluster and `schema.registry.group.id` the server runs on,
   * which identify a registry whatever URL reaches it; undefined where the endpoint is missing.
   */
  clusterIdentity(): Promise<RegistryClusterIdentity | undefined>;

  /** `GET /contexts`: "." first, then named contexts. Servers before 7.x-contexts answer ["."]. */
  listContexts(): Promise<ContextName[]>;

  /** `GET /subjects` with `subjectPrefix` (default ":*:", all contexts). */
  listSubjects(options?: { subjectPrefix?: string; deleted?: boolean; deletedOnly?: boolean }): Promise<string[]>;

  /** `GET /subjects/{s}/versions`; undefined when the subject does not exist (40401). */
  listVersions(subject: string, options?: { deleted?: boolean }): Promise<number[] | undefined>;

  /** `GET /subjects/{s}/versions/{v}`; undefined on 40401/40402. */
  getVersion(subject: string, version: number, options?: { deleted?: boolean }): Promise<RegistrySchema | undefined>;

  /**
   * One page of `GET /schemas` (sorted by subject, version). The server caps `limit`
   * (1000 since 7.4.1) and silently replaces a larger one: advance by what came back.
   */
  listSchemasPage(options: { subjectPrefix: string; deleted: boolean; offset: number; limit: number }): Promise<RegistrySchema[]>;

  /** `GET /schemas/ids/{id}?subject=…&fetchMaxId=…`; undefined on 40403. */
  getSchemaById(
    id: number,
    options?: { subject?: string; fetchMaxId?: boolean },
  ): Promise<(Omit<RegistrySchema, 'subject' | 'version' | 'id'> & { maxId?: number }) | undefined>;

  /** `POST /subjects/{s}/versions`; resolves to the id the server answered. */
  register(subject: string, request: RegisterSchemaRequest): Promise<{ id: number }>;

  /** `DELETE /subjects/{s}/versions/{v}[?permanent=true]`. */
  deleteVersion(subject: string, version: number, options?: { permanent?: boolean }): Promise<void>;

  /** `DELETE /subjects/{s}[?permanent=true]`. */
  deleteSubject(subject: string, options?: { permanent?: boolean }): Promise<void>;

  /** `GET /config[/{scope}]` without defaultToGlobal; undefined when unset (40408/40401). */
  getConfig(scope?: string): Promise<RegistryConfig | undefined>;

  /** `PUT /config[/{scope}]`; the body uses the PUT names (`compatibility`, not `compatibilityLevel`). */
  putConfig(scope: string | undefined, body: Record<string, unknown>): Promise<void>;

  /** `DELETE /config[/{scope}]`; resolves false when nothing was set (40401). */
  deleteConfig(scope?: string): Promise<boolean>;

  /** `GET /mode[/{scope}]` without defaultToGlobal; undefined when unset (40409/40401). */
  getMode(scope?: string): Promise<RegistryMode | undefined>;

  /** `PUT /mode[/{scope}]?force=…`. */
  putMode(scope: string | undefined, mode: RegistryMode, options?: { force?: boolean }): Promise<void>;

  /** `DELETE /mode[/{scope}]`; resolves false when nothing was set (40401). */
  deleteMode(scope?: string): Promise<boolean>;

  /** Releases idle connections (keep-alive sockets) so a process can exit promptly. */
  close?(): void;
}
