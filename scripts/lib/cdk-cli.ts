import * as fs from 'node:fs';
import * as path from 'node:path';
import { runProcess } from './run-process';

/** The CDK CLI installed in `treeDir` (node_modules/aws-cdk), run with the current node. */
export function cdkCliOf(treeDir: string): string {
  const cli = path.join(treeDir, 'node_modules', 'aws-cdk', 'bin', 'cdk');
  if (!fs.existsSync(cli)) throw new Error(`no CDK CLI at ${cli}; run npm ci first`);
  return cli;
}

/** Synthesizes the app of `treeDir` (its cdk.json) into `outDir`; throws with the app's output when synth fails. */
export async function synthesize(treeDir: string, outDir: string, env: NodeJS.ProcessEnv, label: string): Promise<void> {
  const result = await runProcess(process.execPath, [cdkCliOf(treeDir), 'synth', '--quiet', '--no-notices', '--no-color', '-o', outDir], {
    cwd: treeDir,
    env,
  });
  if (result.code !== 0) {
    throw new Error(`cdk synth of the ${label} failed (exit ${result.code}):\n${`${result.stdout}${result.stderr}`.trim()}`);
  }
}

/** One stack's diff as the CDK CLI prints it. */
export interface StackDiff {
  readonly hasDifferences: boolean;
  /** The CLI's report without its closing "Number of stacks with differences" line. */
  readonly text: string;
}

const SUMMARY = /^.*Number of stacks with differences:\s*(\d+)\s*$/m;

/**
 * `cdk diff --app <headOut> --template <baseTemplate> --exclusively <stack>`: compares the
 * synthesized head stack with a template file. With --template the CLI reads the file and
 * calls no AWS API. Whether there are differences is read from the CLI's own summary line,
 * so an error (exit non-zero) is never mistaken for "changes found".
 */
export async function diffStack(
  cli: string,
  cwd: string,
  headOut: string,
  baseTemplate: string,
  displayName: string,
  env: NodeJS.ProcessEnv,
): Promise<StackDiff> {
  const result = await runProcess(
    process.execPath,
    [cli, 'diff', '--app', headOut, '--template', baseTemplate, '--exclusively', '--no-notices', '--no-color', displayName],
    { cwd, env },
  );
  const output = `${result.stdout}${result.stderr}`;
  const summary = SUMMARY.exec(output);
  if (result.code !== 0 || !summary) {
    throw new Error(`cdk diff of ${displayName} failed (exit ${result.code}):\n${output.trim()}`);
  }
  return { hasDifferences: Number(summary[1]) > 0, text: output.replace(SUMMARY, '').trim() };
}
