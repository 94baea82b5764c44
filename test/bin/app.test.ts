import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import cdkJson from '../../cdk.json';

const run = promisify(execFile);
const ROOT = path.join(__dirname, '..', '..');

/** Runs bin/app.ts the way the CDK CLI does (context through CDK_CONTEXT_JSON, output dir through CDK_OUTDIR). */
async function synth(context: Record<string, unknown>): Promise<{ code: number; stderr: string; outdir: string }> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'app-test-'));
  const env = {
    ...process.env,
    CDK_OUTDIR: outdir,
    CDK_CONTEXT_JSON: JSON.stringify({ ...cdkJson.context, ...context }),
  };
  try {
    const { stderr } = await run(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bin', 'app.ts')], { env, cwd: ROOT });
    return { code: 0, stderr, outdir };
  } catch (e) {
    const err = e as { code: number; stderr: string };
    return { code: err.code, stderr: err.stderr, outdir };
  }
}

test('-c env=dev synthesizes only the Dev stage, clean under cdk-nag', async () => {
  // With the jar checksum configured, a clean synth prints nothing at all.
  // Bundling is skipped (esbuild prints its progress to stderr); it is not what this test checks.
  const result = await synth({ env: 'dev', 'dev.registry.mskIamAuthSha256': 'a'.repeat(64), 'aws:cdk:bundling-stacks': [] });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const manifest = JSON.parse(fs.readFileSync(path.join(result.outdir, 'manifest.json'), 'utf8'));
  const stages = Object.keys(manifest.artifacts).filter((id) => id.startsWith('assembly-'));
  expect(stages).toEqual(['assembly-Dev']);
  fs.rmSync(result.outdir, { recursive: true, force: true });
});

test('a misspelled override fails with a message naming it', async () => {
  const result = await synth({ env: 'dev', 'dev.service.desiredTask': '2' });
  expect(result.code).not.toBe(0);
  expect(result.stderr).toContain("Unknown config override 'dev.service.desiredTask'");
  fs.rmSync(result.outdir, { recursive: true, force: true });
});

test('an override that breaks validation fails with the aggregate message', async () => {
  const result = await synth({ env: 'prod', 'prod.service.useSpot': 'true', 'prod.service.minTasks': '1' });
  expect(result.code).not.toBe(0);
  expect(result.stderr).toContain("Invalid configuration for 'prod':");
  expect(result.stderr).toContain('service.useSpot: prod must not run on FARGATE_SPOT');
  expect(result.stderr).toContain('service.minTasks: prod needs at least 2 tasks');
  expect(result.stderr).not.toMatch(/^\s+at /m); // the message alone, no stack trace
  fs.rmSync(result.outdir, { recursive: true, force: true });
});

test('an unknown environment name is rejected', async () => {
  const result = await synth({ env: 'qa' });
  expect(result.code).not.toBe(0);
  expect(result.stderr).toContain('-c env=qa: unknown environment qa; use dev, staging, prod');
  fs.rmSync(result.outdir, { recursive: true, force: true });
});
