import { isAbsolute, join, resolve } from 'node:path';
import { LEDGER_NAME, MIGRATION_ENV } from '../lambda/contracts/migration-state';
import { parseStoreLocation } from '../lambda/migration/store';
import type { CliIo } from './io';

/**
 * Where sr-migrate keeps what must outlive one run: the ownership ledger and the freeze
 * records. A local folder or an S3 prefix: `--state-dir`, else `SR_MIGRATE_STATE` (the
 * migration task sets it to the environment's data bucket), else `.sr-migrate/` in the working
 * directory. S3 is the durable choice: a run from a laptop and one inside the VPC share it.
 */
export interface StateDir {
  /** The folder path or `s3://bucket/prefix/` (always ending in "/"). */
  readonly location: string;
  readonly kind: 'file' | 's3';
}

export function stateDir(explicit: string | undefined, io: CliIo): StateDir {
  const given = explicit ?? io.env[MIGRATION_ENV.stateDir];
  const cwd = io.cwd ?? process.cwd();
  if (given && /^s3:\/\//i.test(given)) {
    const location = given.endsWith('/') ? given : `${given}/`;
    parseStoreLocation(`${location}probe`); // refuses a malformed bucket name with a clear message
    return { location, kind: 's3' };
  }
  const folder = given ? (isAbsolute(given) ? given : resolve(cwd, given)) : join(cwd, '.sr-migrate');
  return { location: folder.endsWith('/') ? folder : `${folder}/`, kind: 'file' };
}

/** The ownership ledger under the state location. */
export function ledgerLocation(dir: StateDir): string {
  return `${dir.location}${LEDGER_NAME}`;
}

/** `freeze-<host_port>.json` under the state location: one record per frozen registry. */
export function freezeRecordLocation(dir: StateDir, displayUrl: string): string {
  let host: string;
  try {
    const url = new URL(displayUrl);
    host = `${url.hostname}${url.port ? `_${url.port}` : ''}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    host = displayUrl;
  }
  return `${dir.location}freeze-${host.replace(/[^A-Za-z0-9.-]+/g, '_')}.json`;
}

/** An explicit record location (`--state`, `--freeze-state`): S3 as given, a path resolved against the working directory. */
export function explicitLocation(location: string, io: CliIo): string {
  if (parseStoreLocation(location).kind === 's3') return location;
  return isAbsolute(location) ? location : resolve(io.cwd ?? process.cwd(), location);
}
