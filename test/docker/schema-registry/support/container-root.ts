import * as fs from 'node:fs';
import * as path from 'node:path';
import { contract } from './fixtures';

/** The image's user (env-contract.json `runAsUser`, checked by the Dockerfile). */
export const CONTAINER_USER = (() => {
  const [uid, gid] = contract.runAsUser.split(':').map(Number);
  return { uid, gid };
})();

/** A fake container filesystem: read-only except the writable volumes of env-contract.json. */
export interface ContainerRoot {
  readonly root: string;
  /** Absolute host paths of the writable volumes, by contract name. */
  readonly volumes: Record<string, string>;
  /** `/etc/schema-registry` inside the root. */
  readonly configVolume: string;
  /** `/tmp` inside the root. */
  readonly tmpVolume: string;
}

/**
 * Lays out the image paths under `root`: every directory the volumes sit in is read-only (0555),
 * each volume is writable by the container user (0755, 1777 for /tmp, 0700 for the secrets
 * directory as the Dockerfile creates it). With `owner` the volumes are chowned to it.
 */
export function createContainerRoot(root: string, owner?: { uid: number; gid: number }): ContainerRoot {
  const volumes: Record<string, string> = {};
  for (const [name, containerPath] of Object.entries(contract.writableVolumes)) {
    const dir = path.join(root, containerPath);
    fs.mkdirSync(dir, { recursive: true });
    volumes[name] = dir;
  }
  const configVolume = path.join(root, contract.writableVolumes.config);
  const tmpVolume = path.join(root, contract.writableVolumes.tmp);
  const secrets = path.join(root, contract.writableVolumes.secrets);

  const volumeDirs = new Set(Object.values(volumes));
  for (const dir of [root, ...directoriesUnder(root)]) {
    if (dir === secrets) fs.chmodSync(dir, 0o700);
    else if (dir === tmpVolume) fs.chmodSync(dir, 0o1777);
    else fs.chmodSync(dir, volumeDirs.has(dir) ? 0o755 : 0o555);
    if (owner && (volumeDirs.has(dir) || dir === secrets)) fs.chownSync(dir, owner.uid, owner.gid);
  }
  return { root, volumes, configVolume, tmpVolume };
}

function directoriesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((e) => [path.join(dir, e.name), ...directoriesUnder(path.join(dir, e.name))]);
}

/** Every path under `root` (relative) with a stamp that changes when the entry is written. */
export function filesUnder(root: string): Map<string, string> {
  const result = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      const stat = fs.lstatSync(full);
      result.set(path.relative(root, full), `${stat.mtimeMs}:${stat.size}:${stat.mode}:${stat.ino}`);
      if (entry.isDirectory()) walk(full);
    }
  };
  walk(root);
  return result;
}

/** True when the root-relative `file` lies in one of the contract's writable volumes. */
export function inWritableVolume(file: string): boolean {
  const absolute = `/${file}`;
  return Object.values(contract.writableVolumes).some((volume) => absolute === volume || absolute.startsWith(`${volume}/`));
}

/**
 * The launcher stub (sh, so a run costs no extra JVM or Node start): records its environment in
 * `envDump` (NUL-separated), checks that /etc/schema-registry is writable as the cp launcher's
 * `configure` does (`ub path ... writable`) and creates the two files it renders there. The harness
 * then fills them with renderProperties, from the recorded environment.
 */
export function launcherScript(envDump: string, configVolume: string): string {
  return [
    '#!/bin/sh',
    `env -0 > '${envDump}'`,
    `[ -w '${configVolume}' ] || { echo 'launcher stub: ${configVolume} is not writable' >&2; exit 1; }`,
    `: > '${configVolume}/schema-registry.properties'`,
    `: > '${configVolume}/admin.properties'`,
    '',
  ].join('\n');
}

/** The environment `env -0` wrote. */
export function parseEnvDump(dump: string): Record<string, string> {
  const entries = dump
    .split('\0')
    .filter((entry) => entry.includes('='))
    .map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]);
  return Object.fromEntries(entries);
}

/**
 * What the cp launcher's templates render: every variable with `prefix`, prefix stripped, name
 * mapped with the image's ConvertKey, sorted, values verbatim (`name=value` lines).
 */
export function renderProperties(env: Record<string, string>, prefix: string): string {
  const convertKey = (key: string) =>
    key
      .replace(/[^_]_[^_]/g, (m) => m.replace('_', '.'))
      .replace(/___/g, '-')
      .replace(/__/g, '_')
      .toLowerCase();
  return Object.keys(env)
    .filter((name) => name.startsWith(prefix))
    .map((name) => [convertKey(name.slice(prefix.length)), env[name]])
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, value]) => `${key}=${value}\n`)
    .join('');
}

/** Root-relative paths of the files under `root` whose bytes contain `needle`. */
export function filesContaining(root: string, needle: string | Buffer): string[] {
  return [...filesUnder(root).keys()].filter((file) => {
    const full = path.join(root, file);
    return fs.lstatSync(full).isFile() && fs.readFileSync(full).includes(needle);
  });
}
