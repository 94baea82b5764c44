import { runCli } from '../../../cli';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliRunOptions {
  readonly env?: NodeJS.ProcessEnv;
  /** Working directory: where relative paths and the default state location (.sr-migrate/) go; always a temporary folder in tests. */
  readonly cwd: string;
  readonly interrupt?: () => AbortSignal;
}

/** Runs `sr-migrate` in-process with captured output (the same path the bin takes). */
export async function runInProcess(argv: readonly string[], options: CliRunOptions): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: options.env ?? {},
    cwd: options.cwd,
    ...(options.interrupt ? { interrupt: options.interrupt } : {}),
  });
  return { code, stdout, stderr };
}

/** The JSON lines of an output (`--json`), parsed. */
export const jsonLines = (text: string): Array<Record<string, unknown>> =>
  text
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
