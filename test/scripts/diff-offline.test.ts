/**
 * Runs the offline diff on a throwaway git repository holding a tiny CDK app (one stage, one
 * stack with a bucket) in two commits, with this repository's node_modules linked in. Every
 * way the CDK CLI could reach AWS or the internet points at a local recorder (fake keys,
 * AWS_ENDPOINT_URL, instance and container metadata, HTTP(S)_PROXY, a ~/.aws/credentials file),
 * and the test asserts the recorder saw nothing.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { diffOffline, EXIT_DIFFERENCES, EXIT_FAILURE, EXIT_OK } from '../../scripts/diff-offline';
import { listenOnLoopback } from '../support/loopback-server';

jest.setTimeout(120_000);

const REPO_ROOT = path.resolve(__dirname, '..', '..');

function appSource(options: { versioned: boolean; extraStack: boolean }): string {
  return [
    "const cdk = require('aws-cdk-lib');",
    "const s3 = require('aws-cdk-lib/aws-s3');",
    'const app = new cdk.App();',
    "const stage = new cdk.Stage(app, 'Dev');",
    "const stack = new cdk.Stack(stage, 'Small', { env: { region: 'eu-west-1' } });",
    `new s3.Bucket(stack, 'Data', { versioned: ${options.versioned} });`,
    options.extraStack ? "new s3.Bucket(new cdk.Stack(stage, 'Extra', { env: { region: 'eu-west-1' } }), 'More');" : '',
    'app.synth();',
    '',
  ].join('\n');
}

interface Recorder {
  readonly url: string;
  readonly requests: string[];
  close(): Promise<void>;
}

/** Records every request, including proxy CONNECTs, and answers 599 so nothing proceeds. */
async function startRecorder(): Promise<Recorder> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.writeHead(599).end();
  });
  server.on('connect', (req, socket) => {
    requests.push(`CONNECT ${req.url}`);
    socket.destroy();
  });
  const { url, close } = await listenOnLoopback(server);
  return { url, requests, close };
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
  });
}

function buffer() {
  let text = '';
  return {
    write: (chunk: string) => (text += chunk),
    get text() {
      return text;
    },
  };
}

describe('npm run diff:offline', () => {
  let work: string;
  let repo: string;
  let recorder: Recorder;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'diff-offline-test-'));
    repo = path.join(work, 'repo');
    fs.mkdirSync(repo);
    fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(repo, 'node_modules'), 'dir');
    fs.writeFileSync(path.join(repo, '.gitignore'), 'node_modules\ncdk.out\n');
    fs.writeFileSync(path.join(repo, 'cdk.json'), JSON.stringify({ app: 'node app.js' }));
    fs.writeFileSync(path.join(repo, 'app.js'), appSource({ versioned: false, extraStack: false }));
    git(repo, 'init', '--quiet', '--initial-branch=main');
    git(repo, 'add', '.');
    git(repo, 'commit', '--quiet', '-m', 'bucket without versioning');
    fs.writeFileSync(path.join(repo, 'app.js'), appSource({ versioned: true, extraStack: true }));
    git(repo, 'commit', '--quiet', '-am', 'versioned bucket, extra stack');

    recorder = await startRecorder();
    const home = path.join(work, 'home');
    fs.mkdirSync(path.join(home, '.aws'), { recursive: true });
    fs.writeFileSync(
      path.join(home, '.aws', 'credentials'),
      '[default]\naws_access_key_id = AKIAFILEEXAMPLE\naws_secret_access_key = file-secret\n',
    );
    env = {
      PATH: process.env.PATH,
      HOME: home,
      AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      AWS_SESSION_TOKEN: 'session-token',
      AWS_REGION: 'eu-west-1',
      AWS_ENDPOINT_URL: recorder.url,
      AWS_EC2_METADATA_SERVICE_ENDPOINT: recorder.url,
      AWS_CONTAINER_CREDENTIALS_FULL_URI: `${recorder.url}/credentials`,
      HTTPS_PROXY: recorder.url,
      HTTP_PROXY: recorder.url,
      https_proxy: recorder.url,
      http_proxy: recorder.url,
    };
  });

  afterAll(async () => {
    await recorder?.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('shows the changed bucket property and the added stack, and exits 1 with --fail', async () => {
    const stdout = buffer();
    const stderr = buffer();
    const code = await diffOffline({ base: 'HEAD~1', fail: true, cwd: repo, env, stdout, stderr });

    expect({ code, stderr: stderr.text }).toEqual({ code: EXIT_DIFFERENCES, stderr: expect.any(String) });
    expect(stdout.text).toMatch(/=== Dev\/Small \(Dev-Small\): changed/);
    expect(stdout.text).toMatch(/\[~\] AWS::S3::Bucket \S*Data/);
    expect(stdout.text).toContain('VersioningConfiguration');
    expect(stdout.text).toMatch(/=== Dev\/Extra \(Dev-Extra\): added/);
    expect(stdout.text).toMatch(/\[\+\] AWS::S3::Bucket \S*More/);
    expect(stdout.text).toContain('2 stacks: 1 changed, 1 added, 0 removed, 0 unchanged');
    expect(recorder.requests).toEqual([]);
  });

  it('reports no differences against the same commit (markdown), exits 0 even with --fail, and leaves no worktree behind', async () => {
    const stdout = buffer();
    const code = await diffOffline({ base: 'HEAD', fail: true, format: 'markdown', cwd: repo, env, stdout, stderr: buffer() });

    expect(code).toBe(EXIT_OK);
    expect(stdout.text).toContain('2 stacks: 0 changed, 0 added, 0 removed, 2 unchanged');
    expect(stdout.text).toContain('No differences: `Dev/Small`, `Dev/Extra`');
    expect(stdout.text).not.toContain('<details');
    expect(git(repo, 'worktree', 'list').trim().split('\n')).toHaveLength(1);
    expect(recorder.requests).toEqual([]);
  });

  it('fails with exit 2 and names the fix when the base ref does not exist', () => {
    const tsx = path.join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    let status = 0;
    let stderr = '';
    try {
      execFileSync(process.execPath, [tsx, path.join(REPO_ROOT, 'scripts', 'diff-offline.ts'), '--base', 'no-such-branch'], {
        cwd: repo,
        env,
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (error) {
      status = (error as { status: number }).status;
      stderr = (error as { stderr: string }).stderr;
    }
    expect(status).toBe(EXIT_FAILURE);
    expect(stderr).toContain('--base no-such-branch is not a commit in this repository; fetch it first');
  });
});
