import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ENTRYPOINT } from './paths';
import {
  CONTAINER_USER,
  createContainerRoot,
  filesUnder,
  launcherScript,
  parseEnvDump,
  renderProperties,
  type ContainerRoot,
} from './container-root';

/** What one run of the real entrypoint produced. */
export interface EntrypointRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Environment the launcher was exec'd with; undefined when the launcher never ran. */
  readonly launcherEnv?: Record<string, string>;
  /** SR_CONFIG_DIR used for the run (JAAS, password and key-store files). */
  readonly configDir: string;
  /** The fake container filesystem the run used. */
  readonly container: ContainerRoot;
  /**
   * The files the cp launcher's `configure` renders from the environment it was exec'd with, also
   * written into /etc/schema-registry of the fake root: `schema-registry.properties`
   * (SCHEMA_REGISTRY_*) and `admin.properties` (SCHEMA_REGISTRY_KAFKASTORE_*, what `ub kafka-ready`
   * reads). Empty when the launcher never ran.
   */
  readonly properties: { readonly schemaRegistry?: string; readonly admin?: string };
  /** Paths (relative to the container root) created or changed during the run. */
  readonly written: string[];
}

export interface RunOptions {
  /**
   * Stub commands put first on PATH, name -> shell script body (e.g. a fake `hostname`).
   * @default {}
   */
  readonly stubs?: Record<string, string>;
  /**
   * Shell that runs the script: `sh` here is dash; the cp image's /bin/sh is bash.
   * @default 'sh'
   */
  readonly shell?: 'sh' | 'bash';
}

const tempRoots: string[] = [];

/** Removes every temp dir created by runEntrypoint (call from afterAll). */
export function cleanUpRuns(): void {
  for (const dir of tempRoots.splice(0)) {
    spawnSync('chmod', ['-R', 'u+rwX', dir]);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const isRoot = process.getuid?.() === 0;
/** As root, the script runs as the image's user (setpriv), so permissions bind it as in ECS. */
const switchUser = isRoot && spawnSync('setpriv', ['--version']).status === 0;
/** False only as root without setpriv: then nothing stops a write to the read-only parts. */
export const PERMISSIONS_ENFORCED = !isRoot || switchUser;

/**
 * Runs docker/schema-registry/entrypoint.sh with only the given environment (plus PATH) in a fake
 * container filesystem whose root is read-only except the writable volumes of env-contract.json,
 * as the image's non-root user when the tests run as root. SCHEMA_REGISTRY_LAUNCHER is a stub that
 * records its environment and creates the properties files where the cp launcher's `configure`
 * does; the harness renders their content from that environment.
 * Asynchronous on purpose: the fake metadata server lives in this process.
 */
export async function runEntrypoint(env: Record<string, string>, options: RunOptions = {}): Promise<EntrypointRun> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sr-entrypoint-'));
  tempRoots.push(work);
  fs.chmodSync(work, 0o755);
  const out = path.join(work, 'out');
  fs.mkdirSync(out, { mode: 0o777 });
  fs.chmodSync(out, 0o777);
  const binDir = path.join(work, 'bin');
  fs.mkdirSync(binDir, { mode: 0o755 });
  for (const [name, body] of Object.entries(options.stubs ?? {})) {
    fs.writeFileSync(path.join(binDir, name), `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  }
  const envDump = path.join(out, 'launcher-env');
  const launcher = path.join(binDir, 'sr-launcher-stub');
  const container = createContainerRoot(path.join(work, 'root'), switchUser ? CONTAINER_USER : undefined);
  fs.writeFileSync(launcher, launcherScript(envDump, container.configVolume), { mode: 0o755 });
  const configDir = path.join(container.configVolume, 'secrets');

  const fullEnv: Record<string, string> = {
    PATH: `${binDir}:${process.env.PATH ?? '/usr/bin:/bin'}`,
    HOME: container.root,
    TMPDIR: container.tmpVolume,
    SCHEMA_REGISTRY_LAUNCHER: launcher,
    SR_CONFIG_DIR: configDir,
    SR_METADATA_RETRY_DELAY: '0',
    SR_METADATA_TIMEOUT: '2',
    ...env,
  };
  const shell = options.shell ?? 'sh';
  const [command, args] = switchUser
    ? ['setpriv', [`--reuid=${CONTAINER_USER.uid}`, `--regid=${CONTAINER_USER.gid}`, '--clear-groups', shell, ENTRYPOINT]]
    : [shell, [ENTRYPOINT]];

  const before = filesUnder(container.root);
  const { exitCode, stdout, stderr } = await new Promise<{ exitCode: number; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(command, args, { env: fullEnv, cwd: container.root, stdio: ['ignore', 'pipe', 'pipe'] });
    let o = '';
    let e = '';
    child.stdout.on('data', (chunk: Buffer) => (o += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (e += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ exitCode: code ?? -1, stdout: o, stderr: e }));
  });
  const after = filesUnder(container.root);
  const written = [...after.entries()].filter(([file, stamp]) => before.get(file) !== stamp).map(([file]) => file);

  const launcherEnv = fs.existsSync(envDump) ? parseEnvDump(fs.readFileSync(envDump, 'utf8')) : undefined;
  const properties: EntrypointRun['properties'] = {};
  if (launcherEnv) {
    // What `configure` renders into the files the stub created (after `written` was taken).
    const rendered = {
      schemaRegistry: renderProperties(launcherEnv, 'SCHEMA_REGISTRY_'),
      admin: renderProperties(launcherEnv, 'SCHEMA_REGISTRY_KAFKASTORE_'),
    };
    fs.writeFileSync(path.join(container.configVolume, 'schema-registry.properties'), rendered.schemaRegistry);
    fs.writeFileSync(path.join(container.configVolume, 'admin.properties'), rendered.admin);
    Object.assign(properties, rendered);
  }
  return {
    exitCode,
    stdout,
    stderr,
    launcherEnv,
    configDir,
    container,
    properties,
    written,
  };
}

/** File mode bits (e.g. 0o600) of a path. */
export function modeOf(file: string): number {
  return fs.statSync(file).mode & 0o777;
}
