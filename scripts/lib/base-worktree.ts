import * as fs from 'node:fs';
import * as path from 'node:path';
import { runOrThrow, runProcess } from './run-process';

/** A temporary checkout of the base ref. */
export interface BaseWorktree {
  readonly dir: string;
  /** The full commit the ref resolved to. */
  readonly commit: string;
  /** How node_modules was provided: a link to this checkout's, or a fresh `npm ci`. */
  readonly dependencies: 'linked' | 'installed';
  remove(): Promise<void>;
}

/** The top of the git checkout that contains `cwd`. */
export async function gitRoot(cwd: string): Promise<string> {
  const result = await runProcess('git', ['rev-parse', '--show-toplevel'], { cwd });
  if (result.code !== 0) throw new Error(`${cwd} is not inside a git checkout; run the offline diff from the repository`);
  return result.stdout.trim();
}

/**
 * Checks out `ref` into `dir` (a detached worktree) and gives it dependencies. When the base
 * has the same package-lock.json as the working tree (or neither has one), node_modules is a
 * symlink to this checkout's: fast and offline. Otherwise `npm ci` runs in the worktree.
 */
export async function addBaseWorktree(root: string, ref: string, dir: string, log: (line: string) => void): Promise<BaseWorktree> {
  const resolved = await runProcess('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd: root });
  if (resolved.code !== 0) {
    throw new Error(`--base ${ref} is not a commit in this repository; fetch it first (e.g. git fetch origin main) or pass another ref`);
  }
  const commit = resolved.stdout.trim();
  await runOrThrow('git', ['worktree', 'add', '--detach', '--quiet', dir, commit], { cwd: root }, `git worktree add ${dir}`);
  const remove = async (): Promise<void> => {
    await runProcess('git', ['worktree', 'remove', '--force', dir], { cwd: root });
    fs.rmSync(dir, { recursive: true, force: true });
    await runProcess('git', ['worktree', 'prune'], { cwd: root });
  };
  try {
    const dependencies = await provideDependencies(root, commit, dir, log);
    return { dir, commit, dependencies, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}

async function provideDependencies(
  root: string,
  commit: string,
  dir: string,
  log: (line: string) => void,
): Promise<'linked' | 'installed'> {
  const ownModules = path.join(root, 'node_modules');
  const baseLock = await runProcess('git', ['show', `${commit}:package-lock.json`], { cwd: root });
  const baseLockText = baseLock.code === 0 ? baseLock.stdout : undefined;
  const ownLockFile = path.join(root, 'package-lock.json');
  const ownLockText = fs.existsSync(ownLockFile) ? fs.readFileSync(ownLockFile, 'utf8') : undefined;
  if (baseLockText === ownLockText && fs.existsSync(ownModules)) {
    fs.symlinkSync(fs.realpathSync(ownModules), path.join(dir, 'node_modules'), 'dir');
    return 'linked';
  }
  if (baseLockText === undefined) {
    throw new Error(
      `the base ${commit.slice(0, 12)} has no package-lock.json and differs from the working tree's dependencies; cannot install it reproducibly`,
    );
  }
  log(`base: package-lock.json differs from the working tree's, running npm ci in the base checkout`);
  await runOrThrow('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir }, 'npm ci in the base checkout');
  return 'installed';
}
