/** Where a CLI run reads its environment and writes its output (process streams, or buffers in tests). */
export interface CliStream {
  write(text: string): unknown;
  /** True on a terminal: progress bars instead of plain lines. */
  readonly isTTY?: boolean;
}

export interface CliIo {
  readonly stdout: CliStream;
  readonly stderr: CliStream;
  /** Environment (credentials: SR_SOURCE_AUTH, SR_TARGET_AUTH, ...). */
  readonly env: NodeJS.ProcessEnv;
  /**
   * Directory for relative paths and the default state location (.sr-migrate/).
   * @default process.cwd()
   */
  readonly cwd?: string;
  /**
   * For commands that stop cleanly on Ctrl-C (sync) or must not be cut short (cut-over): a
   * signal aborted by the first SIGINT or SIGTERM. Asking for it is what makes the process
   * handle those signals itself; a second one still ends it at once.
   * @default a signal that never aborts
   */
  readonly interrupt?: () => AbortSignal;
}

/** Exit codes: success, differences/conflicts/failure, usage error. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
