import { performance } from 'node:perf_hooks';
import { RegistryError } from '../../lambda/registry-client/errors';
import type { RegistryMode } from '../../lambda/registry-client/types';
import { DEFAULT_SMOKE_CONTEXT, newRunId, normaliseSmokeContext, smokeSubject } from './names';
import { compatibleEvolution, sameSchemaText, smokeSchema } from './schemas';
import type { SmokeOptions, SmokeRegistry, SmokeReport, SmokeStep, SmokeStepStatus } from './types';

/** A check that did not hold: the step fails with this message. */
class SmokeCheckError extends Error {}

interface StepResult {
  readonly status?: Exclude<SmokeStepStatus, 'failed'>;
  readonly detail: string;
}

/** Modes that never accept a smoke registration. */
const READ_ONLY_MODES: readonly RegistryMode[] = ['READONLY', 'READONLY_OVERRIDE', 'FORWARD'];

/**
 * The post-deploy functional test: registers a throwaway Avro schema under a unique subject
 * in a dedicated context, reads it back by subject/version and by id, checks a compatible
 * evolution against it, deletes it (soft, then permanent) and removes the then-empty context.
 * Each step is timed and reported. It refuses to write when the target is read-only, or in
 * IMPORT (unless `allowImportMode`): a registry mid-import or frozen is not to be touched.
 * After a failed step it removes what it registered and says what, if anything, is left.
 */
export async function runSmokeTest(registry: SmokeRegistry, options: SmokeOptions = {}): Promise<SmokeReport> {
  const context = normaliseSmokeContext(options.context ?? DEFAULT_SMOKE_CONTEXT);
  const runId = options.runId ?? newRunId();
  const subject = smokeSubject(context, runId);
  const now = options.now ?? (() => performance.now());
  const steps: SmokeStep[] = [];
  const base = { target: registry.displayUrl, context, subject };

  const step = async (name: string, check: () => Promise<StepResult>): Promise<boolean> => {
    const started = now();
    try {
      const result = await check();
      steps.push({ name, status: result.status ?? 'passed', ms: now() - started, detail: result.detail });
      return true;
    } catch (error) {
      steps.push({ name, status: 'failed', ms: now() - started, detail: describe(error) });
      return false;
    }
  };

  if (!(await step('reach the registry', () => reachRegistry(registry)))) return { ...base, ok: false, steps };

  let registerInImportMode = false;
  let refused: string | undefined;
  const modesOk = await step('check modes', async () => {
    const verdict = await checkModes(registry, context, options.allowImportMode ?? false);
    registerInImportMode = verdict.registerWithId;
    refused = verdict.refused;
    if (verdict.refused) throw new SmokeCheckError(verdict.refused);
    return { detail: verdict.detail };
  });
  if (!modesOk) return { ...base, ok: false, steps, ...(refused ? { refused } : {}) };

  const schema = smokeSchema(runId);
  let id = 0;
  let mayExist = false;
  let removed = false;
  const flow = async (): Promise<boolean> =>
    (await step('register', async () => {
      mayExist = true;
      // In IMPORT a new schema needs an explicit id; the context is dedicated, so any free id will do.
      const explicit = registerInImportMode ? { id: 1_000_000 + Math.floor(Math.random() * 1_000_000_000), version: 1 } : {};
      ({ id } = await registry.register(subject, { ...schema, ...explicit }));
      if (registerInImportMode && id !== explicit.id) throw new SmokeCheckError(`asked for id ${explicit.id}, the registry answered ${id}`);
      return { detail: `${subject} version 1 has id ${id}${registerInImportMode ? ' (explicit id: the context is in IMPORT)' : ''}` };
    })) &&
    (await step('read by subject and version', async () => {
      const stored = await registry.getVersion(subject, 1);
      if (!stored) throw new SmokeCheckError(`GET /subjects/${subject}/versions/1 found nothing right after registering it`);
      if (stored.id !== id) throw new SmokeCheckError(`version 1 has id ${stored.id}, registration answered ${id}`);
      if (!sameSchemaText(stored.schema, schema.schema)) throw new SmokeCheckError(`version 1 holds another schema: ${stored.schema}`);
      return { detail: `version 1: id ${id}, ${stored.schemaType}, same schema` };
    })) &&
    (await step('read by id', async () => {
      const stored = await registry.getSchemaById(id, { subject });
      if (!stored) throw new SmokeCheckError(`GET /schemas/ids/${id}?subject=${subject} found nothing`);
      if (!sameSchemaText(stored.schema, schema.schema)) throw new SmokeCheckError(`id ${id} resolves to another schema: ${stored.schema}`);
      return { detail: `id ${id} resolves to the same schema in ${context}` };
    })) &&
    (await step('compatibility check', async () => {
      const result = await registry.testCompatibility(subject, 'latest', compatibleEvolution(runId));
      if (!result) {
        return { status: 'skipped', detail: 'not supported by this server (HTTP 404 on POST /compatibility/subjects/…/versions/latest)' };
      }
      if (!result.isCompatible) {
        const why = result.messages.length > 0 ? `: ${result.messages.join('; ')}` : '';
        throw new SmokeCheckError(`adding an optional field with a default was judged incompatible${why}`);
      }
      return { detail: 'adding an optional field with a default is compatible with the latest version' };
    })) &&
    (await step('soft delete', async () => {
      await registry.deleteSubject(subject);
      if (await registry.getVersion(subject, 1)) throw new SmokeCheckError('version 1 is still live after DELETE /subjects/{subject}');
      const kept = await registry.getVersion(subject, 1, { deleted: true });
      if (kept?.id !== id) throw new SmokeCheckError('the soft-deleted version is not readable with ?deleted=true');
      return { detail: 'gone from live reads, still readable with ?deleted=true' };
    })) &&
    (await step('permanent delete', async () => {
      await registry.deleteSubject(subject, { permanent: true });
      removed = true;
      if (await registry.getVersion(subject, 1, { deleted: true })) {
        throw new SmokeCheckError('version 1 is still readable with ?deleted=true after ?permanent=true');
      }
      return { detail: 'gone, including from ?deleted=true reads' };
    })) &&
    (await step('remove the smoke context', () => removeContext(registry, context)));

  if (await flow()) return { ...base, ok: steps.every((s) => s.status !== 'failed'), steps };
  const cleanup = mayExist && !removed ? await cleanUp(registry, subject, context) : undefined;
  return { ...base, ok: false, steps, ...(cleanup ? { cleanup } : {}) };
}

async function reachRegistry(registry: SmokeRegistry): Promise<StepResult> {
  const version = await registry.serverVersion();
  return {
    detail: version
      ? `Schema Registry ${version} at ${registry.displayUrl}`
      : `${registry.displayUrl} answers (version unknown: older than 7.3)`,
  };
}

interface ModeVerdict {
  readonly detail: string;
  readonly refused?: string;
  /** The smoke subject's effective mode is IMPORT (allowed): register with an explicit id. */
  readonly registerWithId: boolean;
}

/**
 * Modes at the three scopes that matter: the top level (what a default-context import or
 * freeze sets), `:.__GLOBAL:` and the smoke context (which decide the smoke subject's own
 * mode, docs/registry-semantics.md §3.2).
 */
async function checkModes(registry: SmokeRegistry, context: string, allowImportMode: boolean): Promise<ModeVerdict> {
  const scopes: [label: string, scope: string | undefined][] = [
    ['the top level', undefined],
    [':.__GLOBAL:', ':.__GLOBAL:'],
    [`context ${context}`, `:${context}:`],
  ];
  const modes = await Promise.all(scopes.map(async ([label, scope]) => [label, await registry.getMode(scope)] as const));
  const set = modes.filter((m): m is readonly [string, RegistryMode] => m[1] !== undefined);
  const detail = set.length > 0 ? set.map(([label, mode]) => `${mode} at ${label}`).join(', ') : 'no mode set (READWRITE)';

  const readOnly = set.find(([, mode]) => READ_ONLY_MODES.includes(mode));
  if (readOnly) {
    return {
      detail,
      registerWithId: false,
      refused:
        `refusing to run: the target is ${readOnly[1]} at ${readOnly[0]} and accepts no registrations ` +
        '(a frozen source, or a registry in maintenance). Run the smoke test against a writable registry',
    };
  }
  const importing = set.find(([, mode]) => mode === 'IMPORT');
  if (importing && !allowImportMode) {
    return {
      detail,
      registerWithId: false,
      refused:
        `refusing to run: the target is in IMPORT mode at ${importing[0]} (an import is in progress or not finished). ` +
        `Run the smoke test after the import restores the modes, or pass --allow-import-mode (the throwaway subject lives in ${context} only)`,
    };
  }
  const [, , [, contextMode]] = modes;
  const effective = contextMode ?? modes[1][1] ?? 'READWRITE';
  return { detail: `${detail}; the smoke subject's mode: ${effective}`, registerWithId: effective === 'IMPORT' };
}

async function removeContext(registry: SmokeRegistry, context: string): Promise<StepResult> {
  try {
    if (await registry.deleteContext(context)) return { detail: `removed the empty context ${context}` };
    return { status: 'skipped', detail: `this server cannot delete contexts (HTTP 404): the empty context ${context} stays listed` };
  } catch (error) {
    if (error instanceof RegistryError && error.errorCode === 42211) {
      return {
        status: 'skipped',
        detail: `${context} still holds other subjects (earlier runs that could not clean up?); list them with GET /subjects?subjectPrefix=:${context}:&deleted=true`,
      };
    }
    throw error;
  }
}

/** Best effort after a failure: soft, then permanent delete of the throwaway subject, then the context. */
async function cleanUp(registry: SmokeRegistry, subject: string, context: string): Promise<string> {
  try {
    await ignoreCodes(() => registry.deleteSubject(subject), [40401, 40404]);
    await ignoreCodes(() => registry.deleteSubject(subject, { permanent: true }), [40401]);
  } catch (error) {
    const path = `${registry.displayUrl}/subjects/${encodeURIComponent(subject)}`;
    return (
      `could not remove ${subject}: ${describe(error)}. Remove it by hand: ` +
      `curl -X DELETE '${path}' && curl -X DELETE '${path}?permanent=true'`
    );
  }
  await registry.deleteContext(context).catch(() => false);
  return `removed ${subject} (soft, then permanent delete)`;
}

async function ignoreCodes(action: () => Promise<void>, codes: readonly number[]): Promise<void> {
  try {
    await action();
  } catch (error) {
    if (!(error instanceof RegistryError && codes.includes(error.errorCode))) throw error;
  }
}

function describe(error: unknown): string {
  if (error instanceof RegistryError) return `HTTP ${error.status} (error_code ${error.errorCode}) on ${error.operation}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
