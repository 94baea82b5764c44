import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInProcess, type CliRun } from './support/run-in-process';
import { loadExport } from '../../lambda/migration/format/reader';
import { startRegistryDouble, type RegistryDouble } from '../support/registry-double';
import { CORPUS_VERSIONS, expectedCorpusSnapshot } from '../lambda/migration/fixtures/corpus';
import { startTestRegistry, type TestRegistry } from '../lambda/migration/fixtures/corpus-registry';

// Every run's state (.sr-migrate/) goes under a temporary folder, never the repository.
const cli = (argv: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<CliRun> =>
  runInProcess(argv, { env: options.env, cwd: options.cwd ?? dir });

const lines = (text: string) => text.split('\n').filter((line) => line.trim() !== '');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sr-cli-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('sr-migrate usage', () => {
  it.each(['', 'assess', 'export', 'import', 'verify', 'freeze', 'sync', 'cutover'])(
    '--help works for "%s" and exits 0',
    async (command) => {
      const run = await cli(command ? [command, '--help'] : ['--help']);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`Usage: sr-migrate${command ? ` ${command}` : ''}`);
    },
  );

  it.each([
    [[], 'no command'],
    [['frobnicate'], 'unknown command'],
    [['export', '--source', 'http://127.0.0.1:1'], 'missing --out'],
    [['assess', '--source', 'http://x', '--bogus'], 'unknown option'],
    [['export', '--source', 'http://x', '--out', 'f', '--concurrency', '0'], 'bad number'],
    [['verify', '--target', 'http://x'], 'neither --in nor --source'],
    [['verify', '--target', 'http://x', '--in', 'f', '--source', 'http://y'], 'both --in and --source'],
  ])('exits 2 on a usage error (%j: %s)', async (argv) => {
    const run = await cli(argv as string[]);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toBe('');
  });

  it('rejects a bad registry URL as a usage error without echoing it (it may hold a password)', async () => {
    const run = await cli(['assess', '--source', 'ftp://bob:hunter2@registry']);
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual(['error: --source must start with http:// or https:// (got ftp://…)']);
  });

  it('explains the verify usage error in one line', async () => {
    const run = await cli(['verify', '--target', 'http://x']);
    expect(lines(run.stderr)).toEqual(['error: verify needs exactly one of --in <export> or --source <url> to compare the target with']);
  });
});

describe('sr-migrate round trip', () => {
  let source: TestRegistry;
  let target: RegistryDouble;
  beforeAll(async () => {
    source = await startTestRegistry({ corpus: true });
    target = await startRegistryDouble();
  });
  afterAll(async () => {
    await source.close();
    await target.close();
  });

  it('export -> import into an empty registry -> verify reports zero differences (file and live source)', async () => {
    const file = join(dir, 'roundtrip.jsonl.gz');
    const exported = await cli(['export', '--source', source.double.url, '--out', file]);
    expect(exported).toMatchObject({ code: 0 });
    expect(exported.stdout).toMatch(/^Exported 27 subject-version\(s\), 3 context\(s\), 7 config\(s\), 4 mode\(s\)/);

    const imported = await cli(['import', '--target', target.url, '--in', file, '--quiet']);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);

    const fromFile = await cli(['verify', '--target', target.url, '--in', file, '--json']);
    expect(fromFile.code).toBe(0);
    const report = JSON.parse(fromFile.stdout);
    expect(report).toMatchObject({ ok: true, differences: [], checked: { versions: 27 } });

    const fromSource = await cli(['verify', '--target', target.url, '--source', source.double.url]);
    expect(fromSource.code).toBe(0);
    expect(fromSource.stdout).toMatch(/^OK: the target matches \(27 subject-versions/);

    // A re-run finds everything in place and writes nothing.
    const again = await cli(['import', '--target', target.url, '--in', file, '--quiet']);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/: 0 write\(s\), /);
  });

  it('round-trips a 7.x source (no deleted flags, schemaType omitted for AVRO) into an 8.x target', async () => {
    const old = await startTestRegistry({ corpus: true, version: '7.9.1' });
    const fresh = await startRegistryDouble({ version: '8.1.0' });
    try {
      const file = join(dir, 'seven.jsonl');
      expect((await cli(['export', '--source', old.double.url, '--out', file, '--quiet'])).code).toBe(0);
      expect((await cli(['import', '--target', fresh.url, '--in', file, '--quiet'])).code).toBe(0);
      const run = await cli(['verify', '--target', fresh.url, '--source', old.double.url, '--json', '--quiet']);
      expect(JSON.parse(run.stdout).differences).toEqual([]);
      expect(run.code).toBe(0);
    } finally {
      await old.close();
      await fresh.close();
    }
  });

  it('verify exits 1 and names the difference when the target drifts', async () => {
    const file = join(dir, 'drift.jsonl');
    expect((await cli(['export', '--source', source.double.url, '--out', file, '--quiet'])).code).toBe(0);
    const response = await fetch(`${target.url}/config/orders-value`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ compatibility: 'FULL' }),
    });
    expect(response.status).toBe(200);
    const run = await cli(['verify', '--target', target.url, '--in', file, '--json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).differences).toEqual([
      expect.objectContaining({ kind: 'config-differs', location: { scope: 'orders-value' } }),
    ]);
  });

  it('assess --json prints the inventory', async () => {
    const run = await cli(['assess', '--source', source.double.url, '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ serverVersion: '8.1.0', totals: { versions: 27, softDeletedSubjects: 1 } });
  });
});

describe('sr-migrate import safety', () => {
  it('--dry-run prints the plan and writes nothing', async () => {
    const source = await startTestRegistry({ corpus: true });
    const target = await startRegistryDouble();
    try {
      const file = join(dir, 'dry.jsonl');
      await cli(['export', '--source', source.double.url, '--out', file, '--quiet']);
      target.stats.reset();
      const run = await cli(['import', '--target', target.url, '--in', file, '--dry-run', '--quiet']);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('Dry run: nothing was written.');
      expect(target.stats.writes).toBe(0);
    } finally {
      await source.close();
      await target.close();
    }
  });

  it('refuses a conflicting target with exit 1, naming the conflict, before any write', async () => {
    const source = await startTestRegistry({ corpus: true });
    const target = await startTestRegistry();
    try {
      const file = join(dir, 'conflict.jsonl');
      await cli(['export', '--source', source.double.url, '--out', file, '--quiet']);
      // The target binds id 100 to other content than the export's orders-value v1.
      await target.api.putMode(undefined, 'IMPORT');
      await target.api.register('other', { schema: '{"type":"string"}', schemaType: 'AVRO', id: 100, version: 1 });
      target.double.stats.reset();
      const run = await cli(['import', '--target', target.double.url, '--in', file, '--force', '--quiet']);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^error: Import refused before any write/);
      expect(run.stderr).toContain('100');
      expect(target.double.stats.writes).toBe(0);
    } finally {
      await source.close();
      await target.close();
    }
  });

  it('rejects a truncated export before touching the target', async () => {
    const source = await startTestRegistry({ corpus: true });
    try {
      const file = join(dir, 'truncated.jsonl');
      await cli(['export', '--source', source.double.url, '--out', file, '--quiet']);
      const { readFile, writeFile } = await import('node:fs/promises');
      const text = await readFile(file, 'utf8');
      await writeFile(file, text.split('\n').slice(0, 10).join('\n'));
      const run = await cli(['import', '--target', 'http://127.0.0.1:1', '--in', file, '--retries', '0']);
      expect(run.code).toBe(1);
      expect(lines(run.stderr)).toHaveLength(1);
      expect(run.stderr).toMatch(/^error: .*trailer/i);
    } finally {
      await source.close();
    }
  });

  it('rejects an edited export (one schema changed after export) without writing to a live target', async () => {
    const source = await startTestRegistry({ corpus: true });
    const target = await startRegistryDouble();
    try {
      const file = join(dir, 'edited.jsonl');
      await cli(['export', '--source', source.double.url, '--out', file, '--quiet']);
      const { readFile, writeFile } = await import('node:fs/promises');
      const exported = (await readFile(file, 'utf8')).split('\n');
      const index = exported.findIndex((line) => line.includes('"type":"schema"') && line.includes('"id":'));
      const record = JSON.parse(exported[index]) as { id: number };
      exported[index] = JSON.stringify({ ...record, id: record.id + 1 });
      await writeFile(file, exported.join('\n'));
      target.stats.reset();
      const run = await cli(['import', '--target', target.url, '--in', file]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/checksum/i);
      expect(target.stats.writes).toBe(0);
      expect(target.stats.reads).toBe(0);
    } finally {
      await source.close();
      await target.close();
    }
  });
});

describe('sr-migrate errors a user can hit', () => {
  it('wrong credentials give one clear line that never shows the password', async () => {
    const registry = await startTestRegistry({ corpus: false, auth: { username: 'alice', password: 'Right-Pw-1' } });
    try {
      const run = await cli(['assess', '--source', registry.double.url], { env: { SR_SOURCE_AUTH: 'alice:Wrong-Pw-7' } });
      expect(run.code).toBe(1);
      expect(lines(run.stderr)).toHaveLength(1);
      expect(run.stderr).toMatch(/^error: .*(401|credentials|unauthori[sz]ed)/i);
      expect(run.stderr).toContain('SR_SOURCE_AUTH');
      expect(run.stderr + run.stdout).not.toContain('Wrong-Pw-7');

      const ok = await cli(['assess', '--source', registry.double.url, '--json'], { env: { SR_SOURCE_AUTH: 'alice:Right-Pw-1' } });
      expect(ok.code).toBe(0);
    } finally {
      await registry.close();
    }
  });

  it('an unreachable host gives one clear line', async () => {
    const run = await cli(['export', '--source', 'http://127.0.0.1:1', '--out', join(dir, 'never.jsonl'), '--retries', '0']);
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toEqual([expect.stringMatching(/^error: cannot reach http:\/\/127\.0\.0\.1:1: ECONNREFUSED.*check the URL/)]);
    expect(await readdir(dir)).not.toContain('never.jsonl');
  });

  it('--debug adds the stack trace', async () => {
    const run = await cli(['assess', '--source', 'http://127.0.0.1:1', '--retries', '0', '--debug']);
    expect(run.code).toBe(1);
    expect(lines(run.stderr).length).toBeGreaterThan(1);
    expect(run.stderr).toMatch(/\n\s+at /);
  });
});

describe('sr-migrate freeze', () => {
  it('freezes the source, exports without carrying the freeze, and --undo restores exactly', async () => {
    const source = await startTestRegistry({ corpus: true });
    const target = await startRegistryDouble();
    const cwd = await mkdtemp(join(tmpdir(), 'sr-cli-freeze-'));
    try {
      const scopes = ['', ':.__GLOBAL:', ':.ctx-a:', ':.ctx-b:', 'contracts-value', 'name with spaces'];
      const before = scopes.map((s) => source.double.inspect.modeOf(s));

      const frozen = await cli(['freeze', '--source', source.double.url, '--quiet'], { cwd });
      expect(frozen.code).toBe(0);
      expect(frozen.stdout).toMatch(/Froze .*: 5 scope\(s\) set READONLY, 1 already read-only/);
      expect(await readdir(join(cwd, '.sr-migrate'))).toHaveLength(1);
      expect(source.double.inspect.modeOf('')).toBe('READONLY');

      // Export picks up the freeze record from the working directory.
      const file = join(cwd, 'frozen.jsonl');
      expect((await cli(['export', '--source', source.double.url, '--out', file, '--quiet'], { cwd })).code).toBe(0);
      const loaded = await loadExport(file);
      expect(loaded.header.frozenScopes).toEqual(['', ':.__GLOBAL:', ':.ctx-a:', ':.ctx-b:', 'name with spaces']);
      expect(loaded.modes).toEqual(expectedCorpusSnapshot().modes);

      // The imported target is not READONLY where the source was only frozen; verify agrees with the live frozen source.
      expect((await cli(['import', '--target', target.url, '--in', file, '--quiet'])).code).toBe(0);
      expect(target.inspect.modeOf('')).toBe('READWRITE');
      expect(target.inspect.modeOf(':.ctx-a:')).toBeUndefined();
      const verified = await cli(['verify', '--target', target.url, '--source', source.double.url, '--quiet'], { cwd });
      expect(verified.stdout).toMatch(/^OK/);
      expect(verified.code).toBe(0);

      const undone = await cli(['freeze', '--source', source.double.url, '--undo', '--quiet'], { cwd });
      expect(undone.code).toBe(0);
      expect(scopes.map((s) => source.double.inspect.modeOf(s))).toEqual(before);
      expect(await readdir(join(cwd, '.sr-migrate'))).toHaveLength(0);
    } finally {
      await source.close();
      await target.close();
      await rm(cwd, { recursive: true, force: true });
    }
  });

  it('warns when exporting a READONLY source without a freeze record', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'sr-cli-freeze-'));
    const registry = await startTestRegistry({ corpus: true });
    try {
      await registry.api.putMode(undefined, 'READONLY');
      const run = await cli(['export', '--source', registry.double.url, '--out', join(cwd, 'ro.jsonl')], { cwd });
      expect(run.code).toBe(0);
      expect(run.stderr).toMatch(/warning: the source is READONLY at the top level and no freeze record was found/);
      expect((await loadExport(join(cwd, 'ro.jsonl'))).modes).toContainEqual({ type: 'mode', scope: '', mode: 'READONLY' });
    } finally {
      await registry.close();
      await rm(cwd, { recursive: true, force: true });
    }
  });

  it('freeze --undo without a record is a clear error', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'sr-cli-freeze-'));
    const registry = await startTestRegistry();
    try {
      const run = await cli(['freeze', '--source', registry.double.url, '--undo'], { cwd });
      expect(run.code).toBe(1);
      expect(lines(run.stderr)).toEqual([expect.stringMatching(/^error: no freeze record at .*nothing to undo/)]);
    } finally {
      await registry.close();
      await rm(cwd, { recursive: true, force: true });
    }
  });
});

// Keeps the fixture import honest: the corpus really has the 27 versions the counts above rely on.
test('corpus size used in the assertions', () => {
  expect(CORPUS_VERSIONS.length - 2).toBe(27);
});

describe('sr-migrate registry failures', () => {
  it('a registry that keeps failing gives one line with the call, the code and what to do', async () => {
    const registry = await startTestRegistry();
    try {
      registry.double.faults.failNext({ method: 'GET', path: /^\/contexts/, status: 500, errorCode: 50001, times: 10 });
      const run = await cli(['assess', '--source', registry.double.url, '--retries', '1', '--quiet']);
      expect(run.code).toBe(1);
      expect(lines(run.stderr)).toEqual([
        expect.stringMatching(
          /^error: GET \/contexts at http:\/\/127\.0\.0\.1:\d+ failed after 2 attempts.*error_code 50001.*check its health/,
        ),
      ]);
    } finally {
      await registry.close();
    }
  });
});
