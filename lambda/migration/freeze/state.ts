import type { RegistryMode } from '../../registry-client/types';
import { getDefaultStore, readTextObject, StoreError, writeTextObject, type ExportStore } from '../store';

/**
 * The undo record of `sr-migrate freeze`: which scopes it made READONLY and what each
 * scope's mode was before. Kept outside the registry, because the registry has nowhere to
 * store a marker that would not itself be migrated (a config scope cannot hold one, and a
 * marker subject would be copied to the target). It lives at a store location: a local path
 * (the CLI's default) or `s3://bucket/key`, which a run inside the VPC and a later run from a
 * laptop can share.
 */
export interface FreezeState {
  readonly format: typeof FREEZE_STATE_FORMAT;
  readonly formatVersion: 1;
  /** Display URL (no credentials) of the registry that was frozen. */
  readonly registry: string;
  readonly frozenAt: string;
  /** In the order they were applied. */
  readonly changes: readonly FreezeChange[];
}

export interface FreezeChange {
  /** "" top level, ":.__GLOBAL:", ":.ctx:" or a subject. */
  readonly scope: string;
  /** The mode before the freeze; null when none was set at that scope. */
  readonly previous: RegistryMode | null;
}

export const FREEZE_STATE_FORMAT = 'sr-migrate-freeze-state';

/** A freeze state record that is unreadable or belongs to another registry. */
export class FreezeStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FreezeStateError';
  }
}

/** Reads a freeze record; undefined when it does not exist. */
export async function readFreezeState(location: string, store: ExportStore = getDefaultStore()): Promise<FreezeState | undefined> {
  let text: string;
  try {
    text = await readTextObject(location, store);
  } catch (error) {
    if (error instanceof StoreError && error.notFound) return undefined;
    throw new FreezeStateError(`cannot read freeze state ${location}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new FreezeStateError(`freeze state ${location} is not valid JSON; restore it from a backup or fix the modes by hand`);
  }
  if (!isFreezeState(parsed)) {
    throw new FreezeStateError(`${location} is not an sr-migrate freeze state file (format ${FREEZE_STATE_FORMAT} version 1)`);
  }
  return parsed;
}

/** Writes a freeze record completely or not at all (a local file is renamed into place; an S3 object appears when uploaded). */
export async function writeFreezeState(location: string, state: FreezeState, store: ExportStore = getDefaultStore()): Promise<void> {
  await writeTextObject(location, `${JSON.stringify(state, null, 2)}\n`, store);
}

export async function removeFreezeState(location: string, store: ExportStore = getDefaultStore()): Promise<void> {
  await store.remove(location);
}

/** Refuses a state record written for another registry. */
export function assertStateMatches(state: FreezeState, displayUrl: string, location: string): void {
  if (state.registry !== displayUrl) {
    throw new FreezeStateError(
      `freeze state ${location} belongs to ${state.registry}, not ${displayUrl}; pass --state with the record written when ${displayUrl} was frozen`,
    );
  }
}

const MODES = new Set(['READWRITE', 'READONLY', 'READONLY_OVERRIDE', 'IMPORT', 'FORWARD']);

function isFreezeState(value: unknown): value is FreezeState {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    v.format === FREEZE_STATE_FORMAT &&
    v.formatVersion === 1 &&
    typeof v.registry === 'string' &&
    typeof v.frozenAt === 'string' &&
    Array.isArray(v.changes) &&
    v.changes.every(
      (c) =>
        typeof c === 'object' &&
        c !== null &&
        typeof (c as FreezeChange).scope === 'string' &&
        ((c as FreezeChange).previous === null || MODES.has((c as FreezeChange).previous as string)),
    )
  );
}
