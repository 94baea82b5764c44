import { isAbsolute, join, resolve } from 'node:path';
import type { RegistrySnapshot } from '../lambda/migration/format/snapshot';
import { readFreezeState, unfreezeSnapshot } from '../lambda/migration/freeze';
import { assertStateMatches } from '../lambda/migration/freeze/state';
import { parseStoreLocation } from '../lambda/migration/store';
import type { CliIo } from './io';

/** `.sr-migrate/freeze-<host_port>.json` under `baseDir`: one record per frozen registry. */
export function defaultFreezeStatePath(displayUrl: string, baseDir: string): string {
  let host: string;
  try {
    const url = new URL(displayUrl);
    host = `${url.hostname}${url.port ? `_${url.port}` : ''}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    host = displayUrl;
  }
  return join(baseDir, '.sr-migrate', `freeze-${host.replace(/[^A-Za-z0-9.-]+/g, '_')}.json`);
}

/**
 * Where a registry's freeze record lives: --state/--freeze-state when given (a path, relative to
 * the working directory, or s3://bucket/key), else .sr-migrate/freeze-<host>.json.
 */
export function freezeStatePath(displayUrl: string, explicit: string | undefined, io: CliIo): string {
  const cwd = io.cwd ?? process.cwd();
  if (explicit) {
    if (parseStoreLocation(explicit).kind === 's3') return explicit;
    return isAbsolute(explicit) ? explicit : resolve(cwd, explicit);
  }
  return defaultFreezeStatePath(displayUrl, cwd);
}

/**
 * The snapshot transform for a source that `sr-migrate freeze` froze: when a state file
 * exists (or was named), the frozen scopes get their pre-freeze modes back and are
 * reported; otherwise the snapshot is used as read (with a warning when it is READONLY at
 * the top level, which an import would carry to the target).
 */
export async function freezeTransform(
  displayUrl: string,
  explicit: string | undefined,
  io: CliIo,
  log: (line: string) => void,
): Promise<(snapshot: RegistrySnapshot) => { snapshot: RegistrySnapshot; frozenScopes: readonly string[] }> {
  const path = freezeStatePath(displayUrl, explicit, io);
  const state = await readFreezeState(path);
  if (!state) {
    if (explicit) throw new Error(`no freeze state at ${path}; pass the file \`sr-migrate freeze\` wrote, or leave out --freeze-state`);
    return (snapshot) => {
      if (snapshot.modes.some((m) => m.scope === '' && m.mode === 'READONLY')) {
        log(
          `warning: the source is READONLY at the top level and no freeze record was found at ${path}; ` +
            "it is taken as the source's own setting, so an import makes the target READONLY too. " +
            'If `sr-migrate freeze` froze it elsewhere, pass that record with --freeze-state',
        );
      }
      return { snapshot, frozenScopes: [] };
    };
  }
  assertStateMatches(state, displayUrl, path);
  return (snapshot) => {
    const result = unfreezeSnapshot(snapshot, state);
    log(`source frozen by sr-migrate (${path}): ${result.frozenScopes.length} scope(s) carry their pre-freeze mode`);
    if (result.drifted.length > 0) {
      log(
        `warning: ${result.drifted.length} frozen scope(s) are no longer READONLY and are exported as read: ${result.drifted.join(', ')}`,
      );
    }
    return result;
  };
}
