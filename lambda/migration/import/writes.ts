import type { SchemaRegistryApi } from '../../registry-client/api';
import { RegistryError, RegistryUnreachableError } from '../../registry-client/errors';
import { canonicalSubject, toApiScope } from '../../registry-client/names';
import type { RegisterSchemaRequest } from '../../registry-client/types';
import { describeSubject } from '../../registry-client/names';
import { contentFingerprint, deepEqualJson } from '../format/schema-content';
import type { PlannedConfigWrite, PlannedDelete, PlannedModeWrite } from './types';

/**
 * The import's single writes. The client has already retried 5xx, 429 and network
 * errors; when one still fails that way the write may have landed anyway (a 50002 after
 * the record reached Kafka, docs/registry-semantics.md §7, §12.11), so the target is re-checked before the failure
 * is reported.
 */

/** A write the import could not make; the message names the write, the cause and that a re-run resumes. */
export class ImportWriteError extends Error {
  constructor(
    readonly write: string,
    readonly cause: unknown,
  ) {
    super(
      `${write} failed: ${causeText(cause)}. The import stopped there (writes already in flight were let finish); fix the cause and re-run the import — it resumes where it stopped.`,
    );
    this.name = 'ImportWriteError';
  }
}

function causeText(cause: unknown): string {
  if (cause instanceof RegistryError) return `${cause.message} (HTTP ${cause.status}, error_code ${cause.errorCode})`;
  return cause instanceof Error ? cause.message : String(cause);
}

/** Errors after which the write may or may not have landed. */
function mayHaveLanded(error: unknown): boolean {
  return error instanceof RegistryUnreachableError || (error instanceof RegistryError && (error.status >= 500 || error.status === 429));
}

async function withRecheck(write: string, attempt: () => Promise<void>, landed: () => Promise<boolean>): Promise<void> {
  try {
    await attempt();
  } catch (error) {
    if (mayHaveLanded(error) && (await landed().catch(() => false))) return;
    throw new ImportWriteError(write, error);
  }
}

export async function registerVersion(api: SchemaRegistryApi, subject: string, request: RegisterSchemaRequest): Promise<void> {
  const write = `Registering ${describeSubject(subject, request.version)} with id ${request.id}`;
  await withRecheck(
    write,
    async () => {
      const answer = await api.register(subject, request);
      if (answer.id !== request.id) {
        throw new Error(
          `the target answered id ${answer.id} instead of ${request.id}; it is not honouring IMPORT mode — check the target's mode and version`,
        );
      }
    },
    async () => {
      // Compare the returned subject too: an unqualified lookup can fall back to another context (docs/registry-semantics.md §12.7).
      const found = await api.getVersion(subject, request.version!, { deleted: true });
      return (
        found !== undefined &&
        canonicalSubject(found.subject) === canonicalSubject(subject) &&
        found.id === request.id &&
        contentFingerprint(found) === contentFingerprint({ ...request, schemaType: request.schemaType ?? 'AVRO' })
      );
    },
  );
}

/** Soft delete. A 40406/40404 means it is already soft-deleted (a retried delete that had landed, docs/registry-semantics.md §12.11). */
export async function softDelete(api: SchemaRegistryApi, planned: PlannedDelete): Promise<void> {
  const write =
    planned.kind === 'subject'
      ? `Soft-deleting ${describeSubject(planned.subject)}`
      : `Soft-deleting ${describeSubject(planned.subject, planned.version)}`;
  const alreadyDeleted = (error: unknown): boolean =>
    error instanceof RegistryError && (error.errorCode === 40406 || error.errorCode === 40404);
  await withRecheck(
    write,
    async () => {
      try {
        if (planned.kind === 'subject') await api.deleteSubject(planned.subject);
        else await api.deleteVersion(planned.subject, planned.version);
      } catch (error) {
        if (!alreadyDeleted(error)) throw error;
      }
    },
    async () => {
      const live = await api.listVersions(planned.subject);
      if (live === undefined) return true;
      return planned.kind === 'subject' ? live.length === 0 : !live.includes(planned.version);
    },
  );
}

/** Permanent delete of a version or subject already soft-deleted (the server requires that order, 40405/40407). */
export async function permanentDelete(api: SchemaRegistryApi, planned: PlannedDelete): Promise<void> {
  const write =
    planned.kind === 'subject'
      ? `Permanently deleting ${describeSubject(planned.subject)}`
      : `Permanently deleting ${describeSubject(planned.subject, planned.version)}`;
  await withRecheck(
    write,
    async () => {
      if (planned.kind === 'subject') await api.deleteSubject(planned.subject, { permanent: true });
      else await api.deleteVersion(planned.subject, planned.version, { permanent: true });
    },
    async () => {
      const versions = await api.listVersions(planned.subject, { deleted: true });
      if (versions === undefined) return true;
      return planned.kind === 'version' && !versions.includes(planned.version);
    },
  );
}

export async function putMode(api: SchemaRegistryApi, planned: PlannedModeWrite): Promise<void> {
  const scope = toApiScope(planned.scope);
  const label = planned.scope === '' ? 'the top level' : JSON.stringify(planned.scope);
  if (planned.mode === undefined) {
    await withRecheck(
      `Unsetting the mode of ${label}`,
      async () => {
        await api.deleteMode(scope);
      },
      async () => (await api.getMode(scope)) === undefined,
    );
    return;
  }
  const mode = planned.mode;
  await withRecheck(
    `Setting mode ${mode} on ${label}`,
    () => api.putMode(scope, mode, { force: planned.force }),
    async () => (await api.getMode(scope)) === mode,
  );
}

/** DELETE then PUT as planned; the re-check compares the whole config (GET names the level `compatibilityLevel`). */
export async function writeConfig(api: SchemaRegistryApi, planned: PlannedConfigWrite, takeWrite: () => boolean): Promise<boolean> {
  const scope = toApiScope(planned.scope);
  const label = planned.scope === '' ? 'the top level' : JSON.stringify(planned.scope);
  if (planned.deleteFirst) {
    await withRecheck(
      `Deleting the config of ${label}`,
      async () => {
        await api.deleteConfig(scope);
      },
      async () => (await api.getConfig(scope)) === undefined,
    );
    if (planned.body === undefined) return true;
    if (!takeWrite()) return false;
  }
  const body = planned.body!;
  const expected = Object.fromEntries(
    Object.entries(body).map(([field, value]) => [field === 'compatibility' ? 'compatibilityLevel' : field, value]),
  );
  await withRecheck(
    `Setting the config of ${label} to ${JSON.stringify(body)}`,
    () => api.putConfig(scope, body),
    async () => {
      const current = await api.getConfig(scope);
      return current !== undefined && Object.entries(expected).every(([field, value]) => deepEqualJson(current[field], value));
    },
  );
  return true;
}
