import { prepareCommand } from '../../../cli/remote';
import { UsageError } from '../../../cli/errors';
import { ADMIN_SECRET, migrationStack, REGISTRY_URL, SOURCE_SECRET } from './fixture';

const stack = migrationStack();
const withSource = migrationStack({ sourceSecretArn: SOURCE_SECRET });

describe('{target} substitution', () => {
  test('--target {target} becomes the registry URL with the admin secret', () => {
    const prepared = prepareCommand(['verify', '--target', '{target}', '--in', 's3://data/exports/x.jsonl.gz'], stack);
    expect(prepared.args).toEqual([
      'verify',
      '--target',
      REGISTRY_URL,
      '--in',
      's3://data/exports/x.jsonl.gz',
      '--target-secret-arn',
      ADMIN_SECRET,
    ]);
    expect(prepared.notes).toEqual([`--target {target}: ${REGISTRY_URL}, with the admin secret ${ADMIN_SECRET}`]);
  });

  test('--target={target} works inline', () => {
    expect(prepareCommand(['import', '--target={target}', '--in', 's3://b/k'], stack).args).toEqual([
      'import',
      `--target=${REGISTRY_URL}`,
      '--in',
      's3://b/k',
      '--target-secret-arn',
      ADMIN_SECRET,
    ]);
  });

  test('cut-over: the source keeps its URL and gets the source secret, {target} the admin secret', () => {
    const prepared = prepareCommand(['cutover', '--source', 'https://old-sr:443', '--target', '{target}'], withSource);
    expect(prepared.args).toEqual([
      'cutover',
      '--source',
      'https://old-sr:443',
      '--target',
      REGISTRY_URL,
      '--source-secret-arn',
      SOURCE_SECRET,
      '--target-secret-arn',
      ADMIN_SECRET,
    ]);
    expect(prepared.notes).toContain(
      `--source https://old-sr:443: credentials from the source secret ${SOURCE_SECRET} (migration.sourceSecretArn)`,
    );
  });

  test('rollback: --source {target} authenticates the new registry as the source, the old one gets the source secret', () => {
    const prepared = prepareCommand(['sync', '--source', '{target}', '--target', 'https://old-sr'], withSource);
    expect(prepared.args).toEqual([
      'sync',
      '--source',
      REGISTRY_URL,
      '--target',
      'https://old-sr',
      '--source-secret-arn',
      ADMIN_SECRET,
      '--target-secret-arn',
      SOURCE_SECRET,
    ]);
  });

  test('a secret flag the command already names is kept and not added twice', () => {
    const arn = 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:other-AbCdEf';
    const args = prepareCommand(['verify', '--target', '{target}', '--target-secret-arn', arn, '--in', 's3://b/k'], stack).args;
    expect(args.filter((a) => a === '--target-secret-arn')).toHaveLength(1);
    expect(args).toContain(arn);
    expect(args).not.toContain(ADMIN_SECRET);
  });

  test('without {target} and without a source secret nothing is added', () => {
    expect(prepareCommand(['assess', '--source', 'https://old-sr', '--json'], stack)).toEqual({
      args: ['assess', '--source', 'https://old-sr', '--json'],
      notes: [],
    });
  });

  test.each([
    [
      ['import', '--in', '{target}'],
      '{target} may only be the value of --source or --target (it brings the admin secret with it), not of --in',
    ],
    [['verify', '--target', '{target}/x', '--in', 's3://b/k'], 'give {target} alone after --target, not inside another value'],
    [
      ['verify', '{target}'],
      '{target} may only be the value of --source or --target (it brings the admin secret with it), not of a positional argument',
    ],
  ])('{target} elsewhere is a usage error (%j)', (args, message) => {
    expect(() => prepareCommand(args, stack)).toThrow(new UsageError(message));
  });
});

describe('what never travels in the overrides', () => {
  test('a URL with user:password@ is refused without echoing it', () => {
    let error: Error | undefined;
    try {
      prepareCommand(['export', '--source', 'https://bob:hunter2@old-sr', '--out', 's3://b/k'], stack);
    } catch (e) {
      error = e as Error;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect(error!.message).toMatch(
      /^the --source URL carries credentials \(user:password@\), which would be stored in the task's overrides/,
    );
    expect(error!.message).not.toContain('hunter2');
  });

  test('local credential variables are not forwarded, and a note says so', () => {
    const prepared = prepareCommand(['assess', '--source', 'https://old-sr'], stack, { SR_SOURCE_AUTH: 'bob:hunter2' });
    expect(prepared.args.join(' ')).not.toContain('hunter2');
    expect(prepared.notes).toEqual([
      'SR_SOURCE_AUTH is set here but not passed to the task (only secret ARNs travel); the task uses --source-secret-arn or migration.sourceSecretArn',
    ]);
  });
});

describe('warnings', () => {
  test('a source port the task has no rule for', () => {
    const prepared = prepareCommand(['assess', '--source', 'http://old-sr.corp:8081'], stack);
    expect(prepared.notes).toEqual([
      'warning: the task can reach --source old-sr.corp:8081 only if migration.sourceCidrs/sourcePorts open port 8081 to it ' +
        '(Prod-Registry allows HTTPS only); otherwise the command times out connecting',
    ]);
  });

  test('no warning for 443 or a port the stack opens', () => {
    expect(prepareCommand(['assess', '--source', 'https://old-sr'], stack).notes).toEqual([]);
    const open = migrationStack({ sourceAccess: ['10.20.0.0/16:8081'] });
    expect(prepareCommand(['assess', '--source', 'http://old-sr:8081'], open).notes).toEqual([]);
  });

  test('a local --out path lives and dies with the task', () => {
    expect(prepareCommand(['export', '--source', 'https://old-sr', '--out', 'sr.jsonl.gz'], stack).notes).toEqual([
      'warning: --out sr.jsonl.gz is a path inside the task, which ends with the command; use s3://<data bucket>/exports/…',
    ]);
  });
});

describe('usage', () => {
  test('a command is required, and it cannot be remote', () => {
    expect(() => prepareCommand([], stack)).toThrow(/^remote needs the command to run after --/);
    expect(() => prepareCommand(['remote', '--env', 'dev', '--', 'verify'], stack)).toThrow(UsageError);
  });

  test('ECS limits the overrides to 8 KiB', () => {
    expect(() => prepareCommand(['verify', '--in', `s3://b/${'k'.repeat(9000)}`], stack)).toThrow(
      /^the command is \d+ bytes; ECS allows at most 8192 in a task's overrides: shorten it$/,
    );
  });
});
