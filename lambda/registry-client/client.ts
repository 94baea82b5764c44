import type { SchemaRegistryApi } from './api';
import { RegistryError } from './errors';
import { isObject, normaliseRegistrySchema, normaliseSchemaContent, UnexpectedResponseError } from './normalize';
import { ALL_CONTEXTS_PREFIX, canonicalSubject, DEFAULT_CONTEXT, encodePathSegment } from './names';
import { RegistryTransport, type RegistryRequest, type RegistryTransportOptions } from './transport';
import type { ContextName, RegisterSchemaRequest, RegistryClusterIdentity, RegistryConfig, RegistryMode, RegistrySchema } from './types';

export type HttpSchemaRegistryClientOptions = RegistryTransportOptions;

const MODES: readonly string[] = ['READWRITE', 'READONLY', 'READONLY_OVERRIDE', 'IMPORT', 'FORWARD'];

/**
 * `SchemaRegistryApi` over HTTP (node:http, keep-alive). See transport.ts for auth, TLS,
 * timeouts and retries; this file maps each call to its endpoint and answer.
 *
 * Retrying writes is safe, and this is why (docs/registry-semantics.md §7, §12.11):
 * - POST /subjects/{s}/versions with the same (schema, id, version) is idempotent on the
 *   server: a re-post of a write that landed answers 200 with the same id.
 * - PUT /config and PUT /mode set a value: repeating them is harmless.
 * - DELETE is not repeatable as such: if the first attempt landed but answered 5xx or
 *   timed out, the retry answers "already deleted" (40406/40404) or "nothing set" (40401).
 *   After such a failed attempt those codes count as success.
 */
export class HttpSchemaRegistryClient implements SchemaRegistryApi {
  readonly displayUrl: string;
  private readonly transport: RegistryTransport;

  constructor(options: HttpSchemaRegistryClientOptions) {
    this.transport = new RegistryTransport(options);
    this.displayUrl = this.transport.displayUrl;
  }

  /** Releases idle keep-alive sockets (lets a CLI or test process exit promptly). */
  close(): void {
    this.transport.close();
  }

  async serverVersion(): Promise<string | undefined> {
    const data = await this.get({ method: 'GET', path: '/v1/metadata/version', absentCodes: [404] });
    if (data === undefined) return undefined;
    return isObject(data) && typeof data.version === 'string' ? data.version : undefined;
  }

  async clusterIdentity(): Promise<RegistryClusterIdentity | undefined> {
    const data = await this.get({ method: 'GET', path: '/v1/metadata/id', absentCodes: [404] });
    const clusters = isObject(data) && isObject(data.scope) && isObject(data.scope.clusters) ? data.scope.clusters : undefined;
    const kafkaCluster = clusters?.['kafka-cluster'];
    const schemaRegistryCluster = clusters?.['schema-registry-cluster'];
    if (typeof kafkaCluster !== 'string' || typeof schemaRegistryCluster !== 'string') return undefined;
    return { kafkaCluster, schemaRegistryCluster };
  }

  async listContexts(): Promise<ContextName[]> {
    // Servers without contexts have no such resource: everything lives in ".".
    const data = await this.get({ method: 'GET', path: '/contexts', absentCodes: [404] });
    if (data === undefined) return [DEFAULT_CONTEXT];
    const contexts = this.stringList(data, 'GET /contexts');
    return [DEFAULT_CONTEXT, ...contexts.filter((c) => c !== DEFAULT_CONTEXT).sort(compareStrings)];
  }

  async listSubjects(options: { subjectPrefix?: string; deleted?: boolean; deletedOnly?: boolean } = {}): Promise<string[]> {
    const data = await this.get({
      method: 'GET',
      path: '/subjects',
      params: {
        subjectPrefix: options.subjectPrefix ?? ALL_CONTEXTS_PREFIX,
        deleted: options.deleted || undefined,
        deletedOnly: options.deletedOnly || undefined,
      },
    });
    return this.stringList(data, 'GET /subjects');
  }

  async listVersions(subject: string, options: { deleted?: boolean } = {}): Promise<number[] | undefined> {
    const path = `/subjects/${encodePathSegment(subject)}/versions`;
    const data = await this.get({ method: 'GET', path, params: { deleted: options.deleted || undefined }, absentCodes: [40401] });
    if (data === undefined) return undefined;
    if (!Array.isArray(data) || !data.every((v) => Number.isInteger(v))) {
      throw this.unexpected(`GET ${path}`, 'expected a list of version numbers');
    }
    return data as number[];
  }

  async getVersion(subject: string, version: number, options: { deleted?: boolean } = {}): Promise<RegistrySchema | undefined> {
    const path = `/subjects/${encodePathSegment(subject)}/versions/${version}`;
    const data = await this.get({
      method: 'GET',
      path,
      params: { deleted: options.deleted || undefined },
      absentCodes: [40401, 40402],
    });
    if (data === undefined) return undefined;
    const schema = this.parse(`GET ${path}`, () => normaliseRegistrySchema(data));
    // An unqualified lookup can fall back to another context (docs/registry-semantics.md §12.7): only the asked subject counts.
    if (canonicalSubject(schema.subject) !== canonicalSubject(subject)) return undefined;
    return schema;
  }

  async listSchemasPage(options: { subjectPrefix: string; deleted: boolean; offset: number; limit: number }): Promise<RegistrySchema[]> {
    const data = await this.get({
      method: 'GET',
      path: '/schemas',
      params: {
        subjectPrefix: options.subjectPrefix,
        deleted: options.deleted || undefined,
        offset: options.offset,
        limit: options.limit,
      },
    });
    if (!Array.isArray(data)) throw this.unexpected('GET /schemas', 'expected a list of schemas');
    return this.parse('GET /schemas', () => data.map(normaliseRegistrySchema));
  }

  async getSchemaById(
    id: number,
    options: { subject?: string; fetchMaxId?: boolean } = {},
  ): Promise<(Omit<RegistrySchema, 'subject' | 'version' | 'id'> & { maxId?: number }) | undefined> {
    const path = `/schemas/ids/${id}`;
    const data = await this.get({
      method: 'GET',
      path,
      params: { subject: options.subject, fetchMaxId: options.fetchMaxId || undefined },
      absentCodes: [40403],
    });
    if (data === undefined) return undefined;
    return this.parse(`GET ${path}`, () => {
      if (!isObject(data)) throw new UnexpectedResponseError('expected a schema object');
      const content: Omit<RegistrySchema, 'subject' | 'version' | 'id'> & { maxId?: number } = normaliseSchemaContent(data);
      return Number.isInteger(data.maxId) ? { ...content, maxId: data.maxId as number } : content;
    });
  }

  async register(subject: string, request: RegisterSchemaRequest): Promise<{ id: number }> {
    const path = `/subjects/${encodePathSegment(subject)}/versions`;
    // Idempotent on the server for identical content/id/version: plain retries are safe.
    const data = await this.get({ method: 'POST', path, body: request });
    if (!isObject(data) || !Number.isInteger(data.id)) throw this.unexpected(`POST ${path}`, 'the answer has no id');
    return { id: data.id as number };
  }

  async deleteVersion(subject: string, version: number, options: { permanent?: boolean } = {}): Promise<void> {
    await this.transport.send({
      method: 'DELETE',
      path: `/subjects/${encodePathSegment(subject)}/versions/${version}`,
      params: { permanent: options.permanent || undefined },
      // Soft: 40406 "already soft-deleted". Permanent: the version (40402) or subject (40401) is gone.
      landedCodes: options.permanent ? [40401, 40402] : [40406],
    });
  }

  async deleteSubject(subject: string, options: { permanent?: boolean } = {}): Promise<void> {
    await this.transport.send({
      method: 'DELETE',
      path: `/subjects/${encodePathSegment(subject)}`,
      params: { permanent: options.permanent || undefined },
      // Soft: 40404 "subject already soft-deleted". Permanent: 40401 "subject not found".
      landedCodes: options.permanent ? [40401] : [40404],
    });
  }

  async getConfig(scope?: string): Promise<RegistryConfig | undefined> {
    const path = scopedPath('/config', scope);
    const data = await this.get({ method: 'GET', path, absentCodes: [40408, 40401] });
    if (data === undefined) return undefined;
    if (!isObject(data)) throw this.unexpected(`GET ${path}`, 'expected a config object');
    return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== null && v !== undefined)) as RegistryConfig;
  }

  async putConfig(scope: string | undefined, body: Record<string, unknown>): Promise<void> {
    await this.get({ method: 'PUT', path: scopedPath('/config', scope), body });
  }

  async deleteConfig(scope?: string): Promise<boolean> {
    const outcome = await this.transport.send({
      method: 'DELETE',
      path: scopedPath('/config', scope),
      absentCodes: [40401],
      landedCodes: [40401],
    });
    return outcome.kind !== 'absent';
  }

  async getMode(scope?: string): Promise<RegistryMode | undefined> {
    const path = scopedPath('/mode', scope);
    const data = await this.get({ method: 'GET', path, absentCodes: [40409, 40401] });
    if (data === undefined) return undefined;
    if (!isObject(data)) throw this.unexpected(`GET ${path}`, 'expected a mode object');
    if (data.mode === null || data.mode === undefined) return undefined;
    if (typeof data.mode !== 'string' || !MODES.includes(data.mode)) {
      throw this.unexpected(`GET ${path}`, `unknown mode ${JSON.stringify(data.mode)}`);
    }
    return data.mode as RegistryMode;
  }

  async putMode(scope: string | undefined, mode: RegistryMode, options: { force?: boolean } = {}): Promise<void> {
    await this.get({ method: 'PUT', path: scopedPath('/mode', scope), params: { force: options.force || undefined }, body: { mode } });
  }

  async deleteMode(scope?: string): Promise<boolean> {
    const outcome = await this.transport.send({
      method: 'DELETE',
      path: scopedPath('/mode', scope),
      absentCodes: [40401],
      landedCodes: [40401],
    });
    return outcome.kind !== 'absent';
  }

  /**
   * `POST /compatibility/subjects/{s}/versions/{v}?verbose=true`: would `request` be accepted
   * after version `v` under the subject's compatibility level? Read-only on the server, so
   * retries are safe. Undefined when the server has no such endpoint (a bare HTTP 404, not
   * 40401/40402, which still throw).
   */
  async testCompatibility(
    subject: string,
    version: number | 'latest',
    request: RegisterSchemaRequest,
  ): Promise<{ isCompatible: boolean; messages: string[] } | undefined> {
    const path = `/compatibility/subjects/${encodePathSegment(subject)}/versions/${version}`;
    const data = await this.get({ method: 'POST', path, params: { verbose: true }, body: request, absentCodes: [404] });
    if (data === undefined) return undefined;
    if (!isObject(data) || typeof data.is_compatible !== 'boolean')
      throw this.unexpected(`POST ${path}`, 'the answer has no is_compatible');
    const messages = Array.isArray(data.messages) ? data.messages.map(String) : [];
    return { isCompatible: data.is_compatible, messages };
  }

  /** `DELETE /contexts/{ctx}` (an empty named context); resolves false when the server answers 404 (no such context or endpoint). */
  async deleteContext(context: string): Promise<boolean> {
    const outcome = await this.transport.send({
      method: 'DELETE',
      path: `/contexts/${encodePathSegment(context)}`,
      absentCodes: [404],
      landedCodes: [404],
    });
    return outcome.kind !== 'absent';
  }

  /** Sends and returns the body; `absent` answers become undefined. */
  private async get(request: RegistryRequest): Promise<unknown> {
    const outcome = await this.transport.send(request);
    return outcome.kind === 'ok' ? outcome.data : undefined;
  }

  private stringList(data: unknown, operation: string): string[] {
    if (!Array.isArray(data) || !data.every((s) => typeof s === 'string')) {
      throw this.unexpected(operation, 'expected a list of names');
    }
    return data as string[];
  }

  private parse<T>(operation: string, fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      if (error instanceof UnexpectedResponseError) throw this.unexpected(operation, error.message);
      throw error;
    }
  }

  /** A 2xx that is not Schema Registry JSON: usually a URL pointing at something else. */
  private unexpected(operation: string, what: string): RegistryError {
    return new RegistryError(
      `${operation} at ${this.displayUrl} returned an unexpected answer (${what}); check that the URL points at a Schema Registry`,
      200,
      50005,
      operation,
    );
  }
}

/** `/config`, `/config/{scope}`; "" and undefined both mean the top level. */
function scopedPath(base: string, scope: string | undefined): string {
  return scope === undefined || scope === '' ? base : `${base}/${encodePathSegment(scope)}`;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
