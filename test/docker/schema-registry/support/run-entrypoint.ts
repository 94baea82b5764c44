import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ENTRYPOINT } from './paths';

/** What one run of the real entrypoint produced. */
export interface EntrypointRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Environment the launcher was exec'd with; undefined when the launcher never ran. */
  readonly launcherEnv?: Record<string, string>;
  /** SR_CONFIG_DIR used for the run (JAAS and password files). */
  readonly configDir: string;
}

export interface RunOptions {
  /**
   * Stub commands put first on PATH, name -> shell script body (e.g. a fake `hostname`).
   * @default {}
   */
  readonly stubs?: Record<string, string>;
}

const tempRoots: string[] = [];

/** Removes every temp dir created by runEntrypoint (call from afterAll). */
export function cleanUpRuns(): void {
  for (const dir of tempRoots.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * Runs docker/schema-registry/entrypoint.sh with `sh` and only the given environment (plus PATH),
 * with SCHEMA_REGISTRY_LAUNCHER pointing at a stub that records the environment it receives.
 * Asynchronous on purpose: the fake metadata server lives in this process.
 */
export async function runEntrypoint(env: Record<string, string>, options: RunOptions = {}): Promise<EntrypointRun> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sr-entrypoint-'));
  tempRoots.push(root);
  const configDir = path.join(root, 'secrets');
  const envDump = path.join(root, 'launcher-env.json');
  const launcher = path.join(root, 'launcher.sh');
  fs.writeFileSync(
    launcher,
    `#!/bin/sh\nexec node -e 'require("fs").writeFileSync(process.argv[1], JSON.stringify(process.env))' '${envDump}'\n`,
    { mode: 0o755 },
  );
  const binDir = path.join(root, 'bin');
  fs.mkdirSync(binDir);
  for (const [name, body] of Object.entries(options.stubs ?? {})) {
    fs.writeFileSync(path.join(binDir, name), `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  }

  const fullEnv: Record<string, string> = {
    PATH: `${binDir}:${process.env.PATH ?? '/usr/bin:/bin'}`,
    SCHEMA_REGISTRY_LAUNCHER: launcher,
    SR_CONFIG_DIR: configDir,
    SR_METADATA_RETRY_DELAY: '0',
    SR_METADATA_TIMEOUT: '2',
    ...env,
  };

  const { exitCode, stdout, stderr } = await new Promise<{ exitCode: number; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn('sh', [ENTRYPOINT], { env: fullEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ exitCode: code ?? -1, stdout: out, stderr: err }));
  });

  const launcherEnv = fs.existsSync(envDump) ? (JSON.parse(fs.readFileSync(envDump, 'utf8')) as Record<string, string>) : undefined;
  return { exitCode, stdout, stderr, launcherEnv, configDir };
}

/** File mode bits (e.g. 0o600) of a path. */
export function modeOf(file: string): number {
  return fs.statSync(file).mode & 0o777;
}
