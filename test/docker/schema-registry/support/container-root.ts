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
 * The launcher stub: records its environment in `envDump`, then does what the cp launcher's
 * `configure` step does with it: checks that /etc/schema-registry is writable (`ub path ...
 * writable`) and renders every SCHEMA_REGISTRY_* variable into schema-registry.properties and every
 * SCHEMA_REGISTRY_KAFKASTORE_* one (prefix stripped) into admin.properties, with the image's
 * ConvertKey name mapping, sorted, values verbatim.
 */
export function launcherScript(envDump: string, configVolume: string): string {
  const program = `
const fs = require('fs');
const path = require('path');
const [envDump, etc] = process.argv.slice(1);
fs.writeFileSync(envDump, JSON.stringify(process.env));
fs.accessSync(etc, fs.constants.W_OK);
const convertKey = (key) =>
  key.replace(/[^_]_[^_]/g, (m) => m.replace('_', '.')).replace(/___/g, '-').replace(/__/g, '_').toLowerCase();
const render = (prefix) =>
  Object.keys(process.env)
    .filter((name) => name.startsWith(prefix))
    .map((name) => [convertKey(name.slice(prefix.length)), process.env[name]])
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, value]) => key + '=' + value + '\\n')
    .join('');
fs.writeFileSync(path.join(etc, 'schema-registry.properties'), render('SCHEMA_REGISTRY_'));
fs.writeFileSync(path.join(etc, 'admin.properties'), render('SCHEMA_REGISTRY_KAFKASTORE_'));
`;
  return `#!/bin/sh\nexec node -e '${program.replace(/'/g, `'\\''`)}' '${envDump}' '${configVolume}'\n`;
}

/** Root-relative paths of the files under `root` whose bytes contain `needle`. */
export function filesContaining(root: string, needle: string | Buffer): string[] {
  return [...filesUnder(root).keys()].filter((file) => {
    const full = path.join(root, file);
    return fs.lstatSync(full).isFile() && fs.readFileSync(full).includes(needle);
  });
}
