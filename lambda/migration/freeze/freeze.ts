import { mapWithConcurrency } from '../../registry-client/concurrency';
import type { SchemaRegistryApi } from '../../registry-client/api';
import type { ExportStore } from '../store';
import { RegistryError } from '../../registry-client/errors';
import type { RegistryMode } from '../../registry-client/types';
import { describeScope, GLOBAL_SCOPE, scopeKind, toApiScope } from '../../registry-client/names';
import { readScopeModes } from '../scope-modes';
import {
  assertStateMatches,
  FREEZE_STATE_FORMAT,
  FreezeStateError,
  readFreezeState,
  removeFreezeState,
  writeFreezeState,
  type FreezeChange,
  type FreezeState,
} from './state';

export interface FreezeOptions {
  /** Where the undo record goes: a local path or `s3://bucket/key` (see state.ts). */
  readonly stateLocation: string;
  /** @default the process-wide store */
  readonly store?: ExportStore;
  /** Reads in flight at once while collecting subject modes. @default 16 */
  readonly concurrency?: number;
  readonly log?: (line: string) => void;
}

export interface FreezeResult {
  readonly stateLocation: string;
  /** Scopes set to READONLY, with what they were before. */
  readonly changes: readonly FreezeChange[];
  /** Scopes that were read-only already and were left alone. */
  readonly alreadyReadOnly: readonly string[];
  /** Epoch ms just before the first READONLY write: when the source stopped accepting writes. */
  readonly firstWriteAt: number;
}

export interface UnfreezeResult {
  readonly stateLocation: string;
  /** Scopes given back their previous mode (or unset again). */
  readonly restored: readonly FreezeChange[];
}

/** A freeze or undo the registry refused, with the cause and the fix. */
export class FreezeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FreezeError';
  }
}

/** Mode writes in flight after the top level: a few keep the server's single write lock busy (docs/registry-semantics.md §12.15). */
const WRITES_IN_FLIGHT = 8;

const READ_ONLY: ReadonlySet<RegistryMode> = new Set<RegistryMode>(['READONLY', 'READONLY_OVERRIDE']);

/**
 * Makes a source registry read-only for the migration window (docs/registry-semantics.md §3.2, §10.2):
 * READONLY at the top level, at ":.__GLOBAL:" (covers contexts created during the window),
 * at each named context, and at every subject that sets a mode of its own that is not
 * read-only (a subject-level READWRITE beats a global READONLY). Scopes already read-only
 * are left alone and not recorded, so `--undo` never touches them.
 *
 * The undo record is written before the first mode write, so an interrupted freeze can still
 * be undone; the top level is frozen first, the other scopes a few at a time. Refuses when a
 * record already exists (a second freeze would record the frozen modes as "previous").
 */
export async function freezeRegistry(api: SchemaRegistryApi, options: FreezeOptions): Promise<FreezeResult> {
  const existing = await readFreezeState(options.stateLocation, options.store);
  if (existing) {
    throw new FreezeError(
      `${api.displayUrl} already has a freeze record at ${options.stateLocation} (frozen ${existing.frozenAt}); ` +
        'run `sr-migrate freeze --undo` first, or pass --state with another path',
    );
  }

  const { changes, alreadyReadOnly } = await planFreeze(api, options.concurrency);
  // One record before the first write, listing every change about to be made: restoring a
  // scope the freeze did not reach yet writes back the mode it already has, which is harmless,
  // and the window stays short (one record write, not one per scope).
  const state: FreezeState = {
    format: FREEZE_STATE_FORMAT,
    formatVersion: 1,
    registry: api.displayUrl,
    frozenAt: new Date().toISOString(),
    changes,
  };
  await writeFreezeState(options.stateLocation, state, options.store);
  const firstWriteAt = Date.now();
  const freeze = (change: FreezeChange) => withModeErrors(() => api.putMode(toApiScope(change.scope), 'READONLY'), change.scope, 'freeze');
  const [first, ...rest] = changes;
  if (first) {
    try {
      await freeze(first);
    } catch (error) {
      // A refused first write (mode.mutability=false) froze nothing: no record is left behind.
      // Any other failure (a timeout, a 5xx) may have landed, so the record stays.
      if (error instanceof FreezeError) await removeFreezeState(options.stateLocation, options.store);
      throw error;
    }
    options.log?.(`READONLY ${describeScope(first.scope)} (was ${first.previous ?? 'unset'})`);
  }
  await mapWithConcurrency(rest, WRITES_IN_FLIGHT, async (change) => {
    await freeze(change);
    options.log?.(`READONLY ${describeScope(change.scope)} (was ${change.previous ?? 'unset'})`);
  });
  const applied = changes;
  return { stateLocation: options.stateLocation, changes: applied, alreadyReadOnly, firstWriteAt };
}

/** What `freezeRegistry` would change: scopes to set READONLY (with their mode now) and scopes already read-only. */
export async function planFreeze(
  api: SchemaRegistryApi,
  concurrency = 16,
): Promise<{ readonly changes: FreezeChange[]; readonly alreadyReadOnly: string[] }> {
  const changes: FreezeChange[] = [];
  const alreadyReadOnly: string[] = [];
  for (const { scope, mode } of await readScopeModes(api, concurrency)) {
    if (mode && READ_ONLY.has(mode)) alreadyReadOnly.push(scope);
    // Subjects are frozen only when they set a mode of their own.
    else if (mode || scopeKind(scope) !== 'subject') changes.push({ scope, previous: mode ?? null });
  }
  return { changes, alreadyReadOnly };
}

/**
 * Undoes `freezeRegistry` from its state file: each recorded scope gets its previous mode
 * back, or is unset again (DELETE) when it had none (see `restoresToUnset`); in reverse
 * order (subjects first).
 * A restored IMPORT is written with force, as it would otherwise refuse a non-empty scope
 * (docs/registry-semantics.md §12.3). Removes the state file when done.
 */
export async function unfreezeRegistry(
  api: SchemaRegistryApi,
  options: Pick<FreezeOptions, 'stateLocation' | 'store' | 'log'>,
): Promise<UnfreezeResult> {
  const state = await readFreezeState(options.stateLocation, options.store);
  if (!state) {
    throw new FreezeStateError(
      `no freeze record at ${options.stateLocation}, so there is nothing to undo; pass --state with the record written by \`sr-migrate freeze\``,
    );
  }
  assertStateMatches(state, api.displayUrl, options.stateLocation);
  const restored: FreezeChange[] = [];
  for (const change of [...state.changes].reverse()) {
    await withModeErrors(
      async () => {
        if (restoresToUnset(change)) await api.deleteMode(toApiScope(change.scope));
        else await api.putMode(toApiScope(change.scope), change.previous as RegistryMode, { force: change.previous === 'IMPORT' });
      },
      change.scope,
      'undo the freeze of',
    );
    restored.push(change);
    options.log?.(`${change.previous ?? 'unset'} ${describeScope(change.scope)}`);
  }
  await removeFreezeState(options.stateLocation, options.store);
  return { stateLocation: options.stateLocation, restored };
}

async function withModeErrors(write: () => Promise<unknown>, scope: string, action: string): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (error instanceof RegistryError && error.errorCode === 42205) {
      throw new FreezeError(
        `the registry refused to ${action} ${describeScope(scope)}: ${error.message}. ` +
          'Mode changes are disabled (mode.mutability=false); set mode.mutability=true on the registry, restart it, and run again',
      );
    }
    throw error;
  }
}

/**
 * Unset scopes are restored with DELETE. ":.__GLOBAL:" answers READWRITE when unset (docs/registry-semantics.md §12.6),
 * so a recorded READWRITE there is taken as unset: the usual state, and indistinguishable
 * from an explicit READWRITE for every reader and for mode resolution.
 */
export function restoresToUnset(change: FreezeChange): boolean {
  return change.previous === null || (change.scope === GLOBAL_SCOPE && change.previous === 'READWRITE');
}
