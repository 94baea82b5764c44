/**
 * Offline `cdk diff` of the working tree against a git ref, with no AWS credentials:
 *
 *   npm run diff:offline -- --base origin/main [--stage Dev] [--format markdown] [--fail]
 *
 * Checks the base out into a temporary git worktree (node_modules linked from this checkout
 * when package-lock.json is the same, else `npm ci`), synthesizes base and working tree into
 * two temporary directories, then runs `cdk diff --app <head.out> --template <base template>`
 * once per stack, stage assemblies included (template files are looked up in manifest.json).
 * Stacks present on one side only are reported as added or removed.
 *
 * Exit codes: 0 done (differences or not), 1 differences with --fail, 2 failure or bad usage.
 * The report goes to stdout, progress to stderr. Temporary directories are always removed.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { addBaseWorktree, gitRoot } from './lib/base-worktree';
import { synthesize } from './lib/cdk-cli';
import { compareAssemblies } from './lib/compare-assemblies';
import { hasDifferences, renderMarkdown, renderText, type DiffSummary } from './lib/diff-report';
import { offlineCdkEnv } from './lib/offline-env';

export const EXIT_OK = 0;
export const EXIT_DIFFERENCES = 1;
export const EXIT_FAILURE = 2;

export interface DiffOfflineOptions {
  /** Git ref to compare with (branch, tag, commit). */
  readonly base: string;
  /** Only stacks of these stages (e.g. `Dev`). @default every stack */
  readonly stages?: readonly string[];
  /** @default 'text' */
  readonly format?: 'text' | 'markdown';
  /** Exit 1 when any stack differs. @default false */
  readonly fail?: boolean;
  /** Directory inside the checkout to compare. @default process.cwd() */
  readonly cwd?: string;
  /** Environment the CDK CLI starts from (credentials are removed from it). @default process.env */
  readonly env?: NodeJS.ProcessEnv;
  readonly stdout?: { write(text: string): unknown };
  readonly stderr?: { write(text: string): unknown };
}

/** Runs the offline diff and resolves with the exit code; never throws. */
export async function diffOffline(options: DiffOfflineOptions): Promise<number> {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const log = (line: string) => void stderr.write(`${line}\n`);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-diff-offline-'));
  let removeWorktree: (() => Promise<void>) | undefined;
  try {
    const root = await gitRoot(options.cwd ?? process.cwd());
    const env = offlineCdkEnv(options.env ?? process.env, scratch);
    const started = Date.now();

    const worktree = await addBaseWorktree(root, options.base, path.join(scratch, 'base'), log);
    removeWorktree = worktree.remove;
    log(`base ${options.base} (${worktree.commit.slice(0, 12)}) checked out; node_modules ${worktree.dependencies}`);

    const baseOut = path.join(scratch, 'base.out');
    const headOut = path.join(scratch, 'head.out');
    // The two synths are independent: run them side by side.
    await Promise.all([synthesize(worktree.dir, baseOut, env, `base ${options.base}`), synthesize(root, headOut, env, 'working tree')]);
    log(`synthesized base and working tree in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const outcomes = await compareAssemblies({ cliTree: root, baseOut, headOut, env, stages: options.stages, scratchDir: scratch });
    const summary: DiffSummary = { baseRef: options.base, baseCommit: worktree.commit, outcomes };
    stdout.write(options.format === 'markdown' ? renderMarkdown(summary) : renderText(summary));
    log(`offline diff done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return options.fail && hasDifferences(summary) ? EXIT_DIFFERENCES : EXIT_OK;
  } catch (error) {
    log(`error: ${(error as Error).message}`);
    return EXIT_FAILURE;
  } finally {
    await removeWorktree?.();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** Command-line entry: parses argv and exits with diffOffline's code. */
async function main(argv: readonly string[]): Promise<number> {
  const program = new Command('diff-offline')
    .description('cdk diff of the working tree against a git ref, offline (no AWS credentials, no AWS calls)')
    .requiredOption('--base <ref>', 'git ref to compare with, e.g. origin/main')
    .option('--stage <name...>', 'only stacks of these stages, e.g. --stage Dev')
    .addOption(new Option('--format <format>', 'report format').choices(['text', 'markdown']).default('text'))
    .option('--fail', 'exit 1 when any stack differs')
    .exitOverride();
  try {
    program.parse([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_FAILURE;
    throw error;
  }
  const opts = program.opts<{ base: string; stage?: string[]; format: 'text' | 'markdown'; fail?: boolean }>();
  return diffOffline({ base: opts.base, stages: opts.stage, format: opts.format, fail: opts.fail });
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
