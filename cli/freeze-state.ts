import type { RegistrySnapshot } from '../lambda/migration/format/snapshot';
import { readFreezeState, unfreezeSnapshot, type FreezeState } from '../lambda/migration/freeze';
import { assertStateMatches } from '../lambda/migration/freeze/state';
import type { CliIo } from './io';
import { explicitLocation, freezeRecordLocation, stateDir } from './state';

/**
 * Where a registry's freeze record lives: `--state`/`--freeze-state` when given (a path,
 * relative to the working directory, or s3://bucket/key), else `freeze-<host>.json` in the
 * state location (cli/state.ts).
 */
export function freezeStatePath(displayUrl: string, explicit: string | undefined, io: CliIo, stateDirOption?: string): string {
  return explicit ? explicitLocation(explicit, io) : freezeRecordLocation(stateDir(stateDirOption, io), displayUrl);
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
  stateDirOption?: string,
): Promise<(snapshot: RegistrySnapshot) => { snapshot: RegistrySnapshot; frozenScopes: readonly string[] }> {
  const path = freezeStatePath(displayUrl, explicit, io, stateDirOption);
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

/**
 * The freeze record of a source, when `sr-migrate freeze` froze it: the one named, else the one
 * in the state location (none: undefined). A named record that does not exist, or one written
 * for another registry, is an error.
 */
export async function readFreezeRecord(
  displayUrl: string,
  explicit: string | undefined,
  io: CliIo,
  stateDirOption?: string,
): Promise<FreezeState | undefined> {
  const location = freezeStatePath(displayUrl, explicit, io, stateDirOption);
  const state = await readFreezeState(location);
  if (!state) {
    if (explicit)
      throw new Error(`no freeze state at ${location}; pass the record \`sr-migrate freeze\` wrote, or leave out --freeze-state`);
    return undefined;
  }
  assertStateMatches(state, displayUrl, location);
  return state;
}
