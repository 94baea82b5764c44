import { Command, CommanderError } from 'commander';
import { assessCommand } from './commands/assess';
import { cutoverCommand } from './commands/cutover';
import { exportCommand } from './commands/export';
import { freezeCommand } from './commands/freeze';
import { importCommand } from './commands/import';
import { remoteCommand } from './commands/remote';
import { smokeCommand } from './commands/smoke';
import { syncCommand } from './commands/sync';
import { verifyCommand } from './commands/verify';
import { describeError, UsageError } from './errors';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type CliIo } from './io';

/**
 * Runs `sr-migrate` in-process and resolves with its exit code: 0 success, 1 differences,
 * conflicts or failure, 2 usage error. Never throws and never calls process.exit, so tests
 * and the bin wrapper share one path. Errors print one line (cause and fix); stack traces
 * only with --debug.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const debug = argv.includes('--debug');
  let exitCode = EXIT_OK;
  const run = async (action: () => Promise<number>): Promise<void> => {
    exitCode = await action();
  };

  const program = new Command('sr-migrate')
    .description(
      'Move a Confluent Schema Registry to another one without changing a single schema id: assess, export, import, verify, ' +
        'freeze, sync, cutover.\n' +
        'Credentials: SR_SOURCE_AUTH / SR_TARGET_AUTH ("user:password"), SR_SOURCE_TOKEN / SR_TARGET_TOKEN (bearer), ' +
        '--source-secret-arn / --target-secret-arn (Secrets Manager), or user:pass@ in the URL.',
    )
    .addCommand(assessCommand(io, run))
    .addCommand(exportCommand(io, run))
    .addCommand(importCommand(io, run))
    .addCommand(verifyCommand(io, run))
    .addCommand(freezeCommand(io, run))
    .addCommand(syncCommand(io, run))
    .addCommand(cutoverCommand(io, run))
    .addCommand(smokeCommand(io, run))
    .addCommand(remoteCommand(io, run));
  for (const command of [program, ...program.commands]) configure(command, io);

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed its message (or the help).
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    io.stderr.write(`${describeError(error, debug)}\n`);
    return error instanceof UsageError ? EXIT_USAGE : EXIT_FAILURE;
  }
  return exitCode;
}

function configure(command: Command, io: CliIo): void {
  command
    .exitOverride()
    .showHelpAfterError('(add --help for usage)')
    .configureOutput({
      writeOut: (text) => void io.stdout.write(text),
      writeErr: (text) => void io.stderr.write(text),
    });
}
