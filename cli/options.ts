import { Option, type Command } from 'commander';
import { InvalidArgumentError } from 'commander';

/** Options every command accepts (after parsing). */
export interface CommonOptions {
  /** Requests in flight. @default 16 for reads; the import's own default for writes */
  readonly concurrency?: number;
  /** Per-request timeout in ms. @default 30000 */
  readonly timeout: number;
  /** Retries after the first attempt on network errors, 429 and 5xx. @default 4 */
  readonly retries: number;
  readonly sourceSecretArn?: string;
  readonly targetSecretArn?: string;
  /** PEM CA bundle for https registries. */
  readonly ca?: string;
  /** PEM client certificate (mTLS); needs --key. */
  readonly cert?: string;
  /** PEM key of the client certificate. */
  readonly key?: string;
  /** No progress, no retry lines: only results and errors. */
  readonly quiet?: boolean;
  /** Stack traces on errors. */
  readonly debug?: boolean;
  /** State location for the ownership ledger and freeze records (cli/state.ts). */
  readonly stateDir?: string;
}

/** `--state-dir`: where the ownership ledger and freeze records live. */
export function addStateDirOption(command: Command): Command {
  return command.option(
    '--state-dir <location>',
    'folder or s3://bucket/prefix/ for the ownership ledger and freeze records (default: $SR_MIGRATE_STATE, else .sr-migrate/)',
  );
}

function positiveInteger(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${name} must be a whole number >= 1.`);
    return n;
  };
}

function nonNegativeInteger(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`${name} must be a whole number >= 0.`);
    return n;
  };
}

/** Adds the common options; `sides` picks which secret-ARN flags apply. */
export function addCommonOptions(command: Command, sides: readonly ('source' | 'target')[]): Command {
  if (sides.includes('source')) {
    command.option(
      '--source-secret-arn <arn>',
      'Secrets Manager secret with the source credentials ({"username","password"} or {"token"})',
    );
  }
  if (sides.includes('target')) {
    command.option(
      '--target-secret-arn <arn>',
      'Secrets Manager secret with the target credentials ({"username","password"} or {"token"})',
    );
  }
  return command
    .addOption(new Option('--concurrency <n>', 'requests in flight').argParser(positiveInteger('--concurrency')))
    .addOption(new Option('--timeout <ms>', 'per-request timeout in milliseconds').argParser(positiveInteger('--timeout')).default(30_000))
    .addOption(
      new Option('--retries <n>', 'retries on network errors, 429 and 5xx (exponential backoff with jitter)')
        .argParser(nonNegativeInteger('--retries'))
        .default(4),
    )
    .option('--ca <file>', 'PEM CA bundle that signed the registry certificate')
    .option('--cert <file>', 'PEM client certificate for mTLS (with --key)')
    .option('--key <file>', 'PEM private key of the client certificate')
    .option('--quiet', 'print only results and errors')
    .option('--debug', 'print stack traces on errors');
}
