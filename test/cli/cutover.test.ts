import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jsonLines, runInProcess } from './support/run-in-process';
import { readRegistrySnapshot } from '../../lambda/migration/snapshot';
import { startTestRegistry, type TestRegistry } from '../lambda/migration/fixtures/corpus-registry';

let dir: string;
let source: TestRegistry;
let target: TestRegistry;
beforeEach(async () => {
  [dir, source, target] = await Promise.all([
    mkdtemp(join(tmpdir(), 'sr-cli-cutover-')),
    startTestRegistry({ corpus: true }),
    startTestRegistry(),
  ]);
});
afterEach(async () => {
  await Promise.all([source.close(), target.close(), rm(dir, { recursive: true, force: true })]);
});

const cli = (argv: string[]) => runInProcess(argv, { cwd: dir });
const sides = () => ['--source', source.double.url, '--target', target.double.url];
const topMode = async (registry: TestRegistry) => (await readRegistrySnapshot(registry.api)).modes.find((m) => m.scope === '')?.mode;

describe('sr-migrate cutover', () => {
  it('--json: one object per sync pass and one for the cut-over with the freeze window and the switch step', async () => {
    expect((await cli(['sync', ...sides(), '--once', '--quiet'])).code).toBe(0);
    const run = await cli(['cutover', ...sides(), '--json']);
    expect(run.code).toBe(0);
    const [catchUp, final, result] = jsonLines(run.stdout);
    expect(catchUp).toMatchObject({ type: 'pass', label: 'catch-up', ok: true });
    expect(final).toMatchObject({ type: 'pass', label: 'final', ok: true, writes: 0 });
    expect(result).toMatchObject({ type: 'cutover', ok: true, dryRun: false, source: source.double.url, target: target.double.url });
    expect(result.freezeSeconds).toEqual(expect.any(Number));
    expect(result.next).toMatch(/^Switch clients to http:\/\/127\.0\.0\.1:\d+ now/);
    expect(await topMode(source)).toBe('READONLY');
    expect(await topMode(target)).toBe('READWRITE');
    // The source's freeze record is kept for `freeze --undo`, next to the ledger.
    expect((await readdir(join(dir, '.sr-migrate'))).sort()).toEqual([
      expect.stringMatching(/^freeze-127\.0\.0\.1_\d+\.json$/),
      'ledger.json',
    ]);
  });

  it('reads as text: the freeze window, then how to switch and how to roll back', async () => {
    const run = await cli(['cutover', ...sides(), '--quiet']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Cut-over complete: http:\/\/\S+ was read-only for \d+\.\d\d s before http:\/\/\S+ accepted writes/);
    expect(run.stdout).toMatch(
      /To roll back: sr-migrate sync --source http:\/\/\S+ --target http:\/\/\S+, then sr-migrate cutover with the same swap\./,
    );
  });

  it('--dry-run writes nothing on either side', async () => {
    source.double.stats.reset();
    target.double.stats.reset();
    const run = await cli(['cutover', ...sides(), '--dry-run']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^Dry run: \d+ scope\(s\) of http:\/\/\S+ would be frozen and \d+ mode\(s\) set on http:\/\/\S+\. Nothing was written\./,
    );
    expect(source.double.stats.writes + target.double.stats.writes).toBe(0);
  });

  it('a failure exits 1 naming the step; the freeze is undone and the target stays held', async () => {
    source.double.faults.failNext({ method: 'PUT', path: /^\/mode/, status: 422, errorCode: 42205 });
    const run = await cli(['cutover', ...sides(), '--quiet']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /^Cut-over failed at step "freeze": .*mode\.mutability=true.* The freeze was undone; the target is held in IMPORT\./s,
    );
    expect(await topMode(source)).toBe('READWRITE');
    expect(await topMode(target)).toBe('IMPORT');
  });
});
