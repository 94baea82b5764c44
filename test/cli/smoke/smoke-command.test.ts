import { runCli } from '../../../cli';
import { startRegistryDouble, type RegistryDouble } from '../../support/registry-double';
import { httpCaller } from '../../support/registry-double/testing';

async function cli(argv: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env,
  });
  return { code, stdout, stderr };
}

describe('sr-migrate smoke', () => {
  let registry: RegistryDouble;
  beforeEach(async () => {
    registry = await startRegistryDouble({ version: '7.9.0', auth: { username: 'admin', password: 's3cret' } });
  });
  afterEach(() => registry.close());

  it('passes against a healthy registry (credentials from SR_TARGET_AUTH) and prints one timed line per step', async () => {
    const run = await cli(['smoke', '--target', registry.url], { SR_TARGET_AUTH: 'admin:s3cret' });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      new RegExp(`^sr-migrate smoke: ${registry.url}, subject :\\.sr-migrate-smoke:smoke-\\d{8}T\\d{6}Z-[0-9a-f]{8}$`),
    );
    expect(
      lines.slice(1, -1).map((l) =>
        l
          .trim()
          .split(/\s{2,}/)
          .slice(0, 2),
      ),
    ).toEqual([
      ['PASS', 'reach the registry'],
      ['PASS', 'check modes'],
      ['PASS', 'register'],
      ['PASS', 'read by subject and version'],
      ['PASS', 'read by id'],
      ['SKIP', 'compatibility check'],
      ['PASS', 'soft delete'],
      ['PASS', 'permanent delete'],
      ['PASS', 'remove the smoke context'],
    ]);
    expect(lines.at(-1)).toBe('result: PASSED (8 passed, 1 skipped, 0 failed)');
    expect(registry.inspect.versionCount()).toBe(0);
  });

  it('uses the context given with --context and prints JSON with --json', async () => {
    const run = await cli(['smoke', '--target', registry.url, '--context', 'post-deploy', '--json'], { SR_TARGET_AUTH: 'admin:s3cret' });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ ok: true, context: '.post-deploy' });
    expect(report.subject).toMatch(/^:\.post-deploy:smoke-/);
  });

  it('exits 1 and writes nothing when the target is in IMPORT mode, and runs with --allow-import-mode', async () => {
    const call = httpCaller(registry.url, { Authorization: `Basic ${Buffer.from('admin:s3cret').toString('base64')}` });
    await call('PUT', '/mode', { mode: 'IMPORT' });
    registry.stats.reset();

    const refused = await cli(['smoke', '--target', registry.url], { SR_TARGET_AUTH: 'admin:s3cret' });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('FAIL  check modes');
    expect(refused.stdout).toContain('refusing to run: the target is in IMPORT mode at the top level');
    expect(refused.stdout.trimEnd().split('\n').at(-1)).toBe('result: REFUSED (1 passed, 0 skipped, 1 failed): nothing was written');
    expect(registry.stats.writes).toBe(0);

    const allowed = await cli(['smoke', '--target', registry.url, '--allow-import-mode'], { SR_TARGET_AUTH: 'admin:s3cret' });
    expect(allowed.code).toBe(0);
  });

  it('exits 1 with the auth hint when the credentials are wrong, without printing them', async () => {
    const run = await cli(['smoke', '--target', registry.url], { SR_TARGET_AUTH: 'admin:wrong-password' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('FAIL  reach the registry');
    expect(run.stdout + run.stderr).not.toContain('wrong-password');
  });

  it.each([
    [['smoke'], 'missing --target'],
    [['smoke', '--target', 'http://127.0.0.1:1', '--context', '.'], 'the default context'],
  ])('exits 2 on a usage error (%j: %s)', async (argv) => {
    const run = await cli(argv);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toBe('');
  });

  it('documents itself in --help', async () => {
    const run = await cli(['smoke', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: sr-migrate smoke [options]');
    expect(run.stdout).toContain('--allow-import-mode');
    expect(run.stdout).toContain('--target-secret-arn <arn>');
  });
});
