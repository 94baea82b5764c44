/**
 * The GitHub Actions workflows parse as YAML and keep their contract: triggers, jobs, Node 22
 * with the npm cache, actions pinned to a major version, least-privilege permissions, and
 * `id-token: write` exactly in the jobs that assume an AWS role.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

interface Step {
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly if?: string;
  readonly with?: Record<string, unknown>;
  readonly env?: Record<string, string>;
}

interface Job {
  readonly 'runs-on': string;
  readonly if?: string;
  readonly needs?: string | string[];
  readonly environment?: string;
  readonly permissions?: Record<string, string>;
  readonly concurrency?: { group: string; 'cancel-in-progress': boolean };
  readonly 'timeout-minutes'?: number;
  readonly steps: Step[];
}

interface Workflow {
  readonly name: string;
  readonly on: Record<string, unknown>;
  readonly permissions?: Record<string, string>;
  readonly jobs: Record<string, Job>;
}

const DIR = path.resolve(__dirname, '..', '..', '.github', 'workflows');
const FILES = ['ci.yml', 'pr-diff.yml', 'deploy.yml'];

function load(file: string): Workflow {
  return parse(fs.readFileSync(path.join(DIR, file), 'utf8'), { strict: true, uniqueKeys: true }) as Workflow;
}

const workflows = Object.fromEntries(FILES.map((f) => [f, load(f)])) as Record<string, Workflow>;
const allJobs = FILES.flatMap((file) => Object.entries(workflows[file].jobs).map(([id, job]) => ({ file, id, job })));
const assumesAwsRole = (job: Job) => job.steps.some((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials@'));
const runs = (job: Job) => job.steps.map((s) => s.run ?? '').join('\n');

describe('workflow files', () => {
  it('are exactly ci, pr-diff and deploy', () => {
    expect(fs.readdirSync(DIR).sort()).toEqual([...FILES].sort());
  });

  it.each(allJobs.map((j) => [`${j.file} ${j.id}`, j.job] as const))('%s: runs on Ubuntu with a timeout', (_name, job) => {
    expect(job['runs-on']).toMatch(/^ubuntu-/);
    expect(job['timeout-minutes']).toBeGreaterThan(0);
  });

  it('set up Node 22 with the npm cache in every job, and install with npm ci', () => {
    for (const { job } of allJobs) {
      const setup = job.steps.filter((s) => s.uses?.startsWith('actions/setup-node@'));
      expect(setup).toHaveLength(1);
      expect(setup[0].with).toEqual({ 'node-version': 22, cache: 'npm' });
      expect(runs(job)).toMatch(/^npm ci\b/m);
    }
  });

  it('pin every action to a major version tag', () => {
    const uses = allJobs.flatMap(({ job }) => job.steps.flatMap((s) => (s.uses ? [s.uses] : [])));
    expect(uses.length).toBeGreaterThan(0);
    for (const action of uses) expect(action).toMatch(/^[\w-]+\/[\w-]+@v\d+$/);
  });

  it('never interpolate event data into shell scripts (script injection)', () => {
    for (const { job } of allJobs) expect(runs(job)).not.toMatch(/\$\{\{[^}]*(github\.event|github\.head_ref|vars\.)/);
  });

  it('grant id-token: write only to the jobs that assume an AWS role, and never at workflow level', () => {
    for (const file of FILES) expect(workflows[file].permissions?.['id-token']).toBeUndefined();
    const withIdToken = allJobs.filter(({ job }) => job.permissions?.['id-token'] === 'write').map((j) => `${j.file}:${j.id}`);
    const withRole = allJobs.filter(({ job }) => assumesAwsRole(job)).map((j) => `${j.file}:${j.id}`);
    expect(withIdToken).toEqual(withRole);
    expect(withRole).toEqual(['pr-diff.yml:deployed-diff', 'deploy.yml:dev', 'deploy.yml:staging', 'deploy.yml:prod']);
  });
});

describe('ci.yml', () => {
  const ci = workflows['ci.yml'];

  it('runs on pushes to main and on pull requests, with read-only contents', () => {
    expect(ci.on).toEqual({ push: { branches: ['main'] }, pull_request: null });
    expect(ci.permissions).toEqual({ contents: 'read' });
  });

  it('lints, type-checks, tests, synthesizes every stage and shellchecks, in that order', () => {
    const script = runs(ci.jobs.checks);
    const order = ['npm ci', 'npm run lint', 'npm run build', 'npm test', 'npx cdk synth --quiet', 'npm run lint:sh'];
    const positions = order.map((command) => script.indexOf(command));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });
});

describe('pr-diff.yml', () => {
  const pr = workflows['pr-diff.yml'];

  it('runs on pull_request (never pull_request_target) with contents: read and pull-requests: write only', () => {
    expect(Object.keys(pr.on)).toEqual(['pull_request']);
    expect(pr.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
  });

  it('offline-diff: full history, the offline diff against the base branch, one comment found by its marker', () => {
    const job = pr.jobs['offline-diff'];
    expect(job.permissions).toBeUndefined();
    expect(job.steps.find((s) => s.uses?.startsWith('actions/checkout@'))?.with).toEqual({ 'fetch-depth': 0 });
    expect(runs(job)).toContain('npm run -s diff:offline -- --base "origin/${BASE_REF}" --format markdown');
    const comment = job.steps.find((s) => s.uses?.startsWith('actions/github-script@'));
    expect(comment?.if).toBe('github.event.pull_request.head.repo.full_name == github.repository');
    const script = String(comment?.with?.script);
    expect(script).toContain("const marker = '<!-- cdk-diff -->'");
    expect(script).toContain('github.rest.issues.updateComment');
    expect(script).toContain('github.rest.issues.createComment');
  });

  it('deployed-diff: only with CDK_DIFF_ROLE_ARN set and for pull requests from this repository', () => {
    const job = pr.jobs['deployed-diff'];
    expect(job.if).toContain("vars.CDK_DIFF_ROLE_ARN != ''");
    expect(job.if).toContain('github.event.pull_request.head.repo.full_name == github.repository');
    expect(job.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    const credentials = job.steps.find((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials@'));
    expect(credentials?.with?.['role-to-assume']).toBe('${{ vars.CDK_DIFF_ROLE_ARN }}');
    expect(runs(job)).toContain('npx cdk diff --method template');
  });
});

describe('deploy.yml', () => {
  const deploy = workflows['deploy.yml'];

  it('runs on pushes to main (and by hand) with read-only contents by default', () => {
    expect(deploy.on).toEqual({ push: { branches: ['main'] }, workflow_dispatch: null });
    expect(deploy.permissions).toEqual({ contents: 'read' });
  });

  it.each([
    ['dev', 'Dev', undefined],
    ['staging', 'Staging', 'dev'],
    ['prod', 'Prod', 'staging'],
  ])('%s: GitHub environment, its own OIDC role, one deployment at a time, cdk deploy of its stage', (id, stage, needs) => {
    const job = deploy.jobs[id];
    expect(job.environment).toBe(id);
    expect(job.needs).toBe(needs);
    expect(job.concurrency).toEqual({ group: `deploy-${id}`, 'cancel-in-progress': false });
    const credentials = job.steps.find((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials@'));
    expect(credentials?.with?.['role-to-assume']).toBe('${{ vars.CDK_DEPLOY_ROLE_ARN }}');
    expect(runs(job)).toContain(`npx cdk deploy '${stage}/*' --require-approval never`);
    // The image is linux/arm64: x86 runners need QEMU and buildx before cdk deploy builds it.
    const uses = job.steps.map((s) => s.uses ?? '');
    expect(uses.findIndex((u) => u.startsWith('docker/setup-qemu-action@'))).toBeGreaterThan(-1);
    expect(uses.findIndex((u) => u.startsWith('docker/setup-buildx-action@'))).toBeGreaterThan(-1);
  });
});
