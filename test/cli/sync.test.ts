import { CloudWatchClient, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { jsonLines, runInProcess } from './support/run-in-process';
import { startTestRegistry, type TestRegistry } from '../lambda/migration/fixtures/corpus-registry';

const cloudwatch = mockClient(CloudWatchClient);

let dir: string;
let source: TestRegistry;
let target: TestRegistry;
beforeEach(async () => {
  cloudwatch.reset();
  cloudwatch.on(PutMetricDataCommand).resolves({});
  [dir, source, target] = await Promise.all([
    mkdtemp(join(tmpdir(), 'sr-cli-sync-')),
    startTestRegistry({ corpus: true }),
    startTestRegistry(),
  ]);
});
afterEach(async () => {
  await Promise.all([source.close(), target.close(), rm(dir, { recursive: true, force: true })]);
});
afterAll(() => cloudwatch.restore());

const cli = (argv: string[], options: { env?: NodeJS.ProcessEnv; interrupt?: () => AbortSignal } = {}) =>
  runInProcess(argv, { ...options, cwd: dir });
const sides = () => ['--source', source.double.url, '--target', target.double.url];

describe('sr-migrate sync', () => {
  it('--once --json: one JSON object for the pass and one summary; a second pass writes nothing', async () => {
    const first = await cli(['sync', ...sides(), '--once', '--json']);
    expect(first.code).toBe(0);
    const [pass, summary] = jsonLines(first.stdout);
    expect(pass).toMatchObject({ type: 'pass', pass: 1, ok: true, complete: true, registered: expect.any(Number) });
    expect(pass.versionsBehind).toBe(pass.registered);
    expect(pass.scopesInImport).toBeGreaterThan(0);
    expect(summary).toMatchObject({ type: 'summary', passes: 1, failedPasses: 0, stopped: false, lastPassOk: true });

    const second = await cli(['sync', ...sides(), '--once', '--json']);
    expect(jsonLines(second.stdout)[0]).toMatchObject({ ok: true, writes: 0, versionsBehind: 0 });
  });

  it('a target with foreign content: exit 1, the conflict named, nothing written', async () => {
    await target.api.register('foreign-value', { schema: '{"type":"string"}', schemaType: 'AVRO' });
    target.double.stats.reset();
    const run = await cli(['sync', ...sides(), '--once']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/pass 1: failed after .* Sync pass refused before any write: 1 conflict\(s\)/);
    expect(run.stderr).toContain('"foreign-value" version(s) 1');
    expect(target.double.stats.writes).toBe(0);
  });

  it('--metrics publishes each pass under the environment dimension the alarms watch', async () => {
    const run = await cli(['sync', ...sides(), '--once', '--quiet', '--metrics', 'prod']);
    expect(run.code).toBe(0);
    const input = cloudwatch.commandCalls(PutMetricDataCommand)[0].args[0].input;
    expect(input.Namespace).toBe('SchemaRegistry/Migration');
    expect(input.MetricData?.map((d) => d.MetricName).sort()).toEqual([
      'SyncScopesInImport',
      'SyncSecondsSinceLastSuccess',
      'SyncVersionsBehind',
      'SyncWrites',
    ]);
    expect(input.MetricData?.every((d) => d.Dimensions?.[0].Name === 'Environment' && d.Dimensions?.[0].Value === 'prod')).toBe(true);
    expect(input.MetricData?.find((d) => d.MetricName === 'SyncSecondsSinceLastSuccess')?.Value).toBe(0);
  });

  it('--metrics with no environment is a usage error naming the fix', async () => {
    const run = await cli(['sync', ...sides(), '--once', '--metrics']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      '--metrics needs the environment the alarms watch: pass --metrics <dev|staging|prod> or set SR_MIGRATE_ENVIRONMENT',
    );
    const fromEnv = await cli(['sync', ...sides(), '--once', '--quiet', '--metrics'], { env: { SR_MIGRATE_ENVIRONMENT: 'staging' } });
    expect(fromEnv.code).toBe(0);
  });

  it('--once and --interval exclude each other', async () => {
    const run = await cli(['sync', ...sides(), '--once', '--interval', '5']);
    expect(run.code).toBe(2);
  });

  it('an interrupt stops the loop after the pass in flight and exits 0 with a summary', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const run = await cli(['sync', ...sides(), '--interval', '30', '--json'], {
      interrupt: () => {
        setTimeout(() => controller.abort(), 50);
        return controller.signal;
      },
    });
    expect(run.code).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000); // not the 30 s interval
    const summary = jsonLines(run.stdout).find((line) => line.type === 'summary');
    expect(summary).toMatchObject({ stopped: true, passes: 1 });
  });
});

describe('sr-migrate sync as a process', () => {
  it('SIGINT stops it after the writes in flight: exit 0 and a summary', async () => {
    const bin = resolve(__dirname, '..', '..', 'bin', 'sr-migrate.js');
    const child = spawn(process.execPath, [bin, 'sync', ...sides(), '--interval', '30'], {
      cwd: dir,
      env: { ...process.env, SR_MIGRATE_STATE: dir },
    });
    let stdout = '';
    let stderr = '';
    let interrupted = false;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      // Interrupt once, when the first pass has reported (it is then waiting for the next one).
      if (!interrupted && /pass 1: /.test(stderr)) {
        interrupted = true;
        child.kill('SIGINT');
      }
    });
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done) =>
      child.on('exit', (exitCode, exitSignal) => done([exitCode, exitSignal])),
    );
    expect(signal).toBeNull();
    expect(stderr).toContain('stopping after the writes in flight');
    expect(stdout).toMatch(/Sync stopped by a signal after 1 pass\(es\)/);
    expect(code).toBe(0);
  }, 60_000);
});
