import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { RegistryMode } from '../../registry-client/types';

/**
 * The undo record of `sr-migrate freeze`: which scopes it made READONLY and what each
 * scope's mode was before. Kept in a local JSON file, because the registry has nowhere
 * to store a marker that would not itself be migrated (a config scope cannot hold one,
 * and a marker subject would be copied to the target).
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

/** A freeze state file that is missing, unreadable or belongs to another registry. */
export class FreezeStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FreezeStateError';
  }
}

/** `.sr-migrate/freeze-<host_port>.json` under `baseDir`: one file per frozen registry. */
export function defaultFreezeStatePath(displayUrl: string, baseDir = process.cwd()): string {
  let host: string;
  try {
    const url = new URL(displayUrl);
    host = `${url.hostname}${url.port ? `_${url.port}` : ''}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    host = displayUrl;
  }
  return join(baseDir, '.sr-migrate', `freeze-${host.replace(/[^A-Za-z0-9.-]+/g, '_')}.json`);
}

/** Reads a state file; undefined when it does not exist. */
export async function readFreezeState(path: string): Promise<FreezeState | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new FreezeStateError(`cannot read freeze state ${path}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new FreezeStateError(`freeze state ${path} is not valid JSON; restore it from a backup or fix the modes by hand`);
  }
  if (!isFreezeState(parsed)) {
    throw new FreezeStateError(`${path} is not an sr-migrate freeze state file (format ${FREEZE_STATE_FORMAT} version 1)`);
  }
  return parsed;
}

/** Writes atomically (temporary file, then rename) so a crash never leaves half a state. */
export async function writeFreezeState(path: string, state: FreezeState): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  await rename(temporary, path);
}

export async function removeFreezeState(path: string): Promise<void> {
  await rm(path, { force: true });
}

/** Refuses a state file written for another registry. */
export function assertStateMatches(state: FreezeState, displayUrl: string, path: string): void {
  if (state.registry !== displayUrl) {
    throw new FreezeStateError(
      `freeze state ${path} belongs to ${state.registry}, not ${displayUrl}; pass --state with the file written when ${displayUrl} was frozen`,
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
