import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SchemaRegistryApi } from '../../../../lambda/registry-client/api';
import { HttpSchemaRegistryClient } from '../../../../lambda/registry-client/client';
import { exportRegistry, type ExportRegistryOptions } from '../../../../lambda/migration/export/export-registry';
import { readRegistrySnapshot } from '../../../../lambda/migration/snapshot/read-snapshot';
import { loadExport } from '../../../../lambda/migration/format/reader';
import type { LoadedExport } from '../../../../lambda/migration/format/snapshot';
import { verifyTarget, type VerifyReport } from '../../../../lambda/migration/verify';
import { startRegistryDouble, type RegistryDouble, type RegistryDoubleOptions } from '../../../support/registry-double';

/**
 * Shared set-up for the import's integration tests: real HTTP to registry doubles, the
 * real client, the real export file round trip, and verify as the judge.
 */

export interface Target {
  readonly double: RegistryDouble;
  readonly api: HttpSchemaRegistryClient;
  /** Every retry the client made ("HTTP 503 …", "ECONNRESET" …), to prove injected faults fired. */
  readonly retries: string[];
  close(): Promise<void>;
}

/** A target double and a client that retries like production, only with tiny backoffs. */
export async function startTarget(options: RegistryDoubleOptions = {}): Promise<Target> {
  const double = await startRegistryDouble(options);
  const retries: string[] = [];
  const api = new HttpSchemaRegistryClient({
    url: double.url,
    retry: { maxAttempts: 6, baseDelayMs: 1, maxDelayMs: 3 },
    onRetry: (event) => retries.push(`${event.operation}: ${event.reason}`),
  });
  return {
    double,
    api,
    retries,
    async close() {
      api.close();
      await double.close();
    },
  };
}

/** Exports `api`'s registry to a temp file and loads it back, fully validated. */
export async function exportAndLoad(api: SchemaRegistryApi, options: ExportRegistryOptions = {}): Promise<LoadedExport> {
  const dir = await mkdtemp(join(tmpdir(), 'sr-import-test-'));
  try {
    const location = join(dir, 'export.jsonl.gz');
    await exportRegistry(api, location, options);
    return await loadExport(location);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Verify's report of the live target against the export. */
export async function verifyImported(loaded: LoadedExport, api: SchemaRegistryApi): Promise<VerifyReport> {
  return verifyTarget(loaded, await readRegistrySnapshot(api));
}

/** A registry API that records every write it forwards, in order, as one readable line each. */
export function recordingWrites(api: SchemaRegistryApi): { api: SchemaRegistryApi; writes: string[] } {
  const writes: string[] = [];
  const scope = (s: string | undefined) => s ?? '';
  const proxy: SchemaRegistryApi = Object.create(api);
  Object.assign(proxy, {
    displayUrl: api.displayUrl,
    register: (subject: string, request: Parameters<SchemaRegistryApi['register']>[1]) => {
      writes.push(`register ${subject} v${request.version} id ${request.id}`);
      return api.register(subject, request);
    },
    deleteVersion: (subject: string, version: number, options?: { permanent?: boolean }) => {
      writes.push(`deleteVersion ${subject} v${version}`);
      return api.deleteVersion(subject, version, options);
    },
    deleteSubject: (subject: string, options?: { permanent?: boolean }) => {
      writes.push(`deleteSubject ${subject}`);
      return api.deleteSubject(subject, options);
    },
    putConfig: (s: string | undefined, body: Record<string, unknown>) => {
      writes.push(`putConfig ${scope(s)} ${JSON.stringify(body)}`);
      return api.putConfig(s, body);
    },
    deleteConfig: (s?: string) => {
      writes.push(`deleteConfig ${scope(s)}`);
      return api.deleteConfig(s);
    },
    putMode: (s: string | undefined, mode: Parameters<SchemaRegistryApi['putMode']>[1], options?: { force?: boolean }) => {
      writes.push(`putMode ${scope(s)} ${mode}${options?.force ? ' force' : ''}`);
      return api.putMode(s, mode, options);
    },
    deleteMode: (s?: string) => {
      writes.push(`deleteMode ${scope(s)}`);
      return api.deleteMode(s);
    },
  });
  // Reads go straight to the real client (bound, since its methods use `this`).
  for (const read of [
    'serverVersion',
    'listContexts',
    'listSubjects',
    'listVersions',
    'getVersion',
    'listSchemasPage',
    'getSchemaById',
    'getConfig',
    'getMode',
  ] as const) {
    (proxy as unknown as Record<string, unknown>)[read] = (api[read] as (...args: unknown[]) => unknown).bind(api);
  }
  return { api: proxy, writes };
}
