import { Command } from 'commander';
import { freezeRegistry, unfreezeRegistry } from '../../lambda/migration/freeze';
import { describeScope } from '../../lambda/registry-client/names';
import { withRegistry } from '../with-registry';
import { freezeStatePath } from '../freeze-state';
import { EXIT_OK, type CliIo } from '../io';
import { addCommonOptions, addStateDirOption, type CommonOptions } from '../options';

interface FreezeCliOptions extends CommonOptions {
  readonly source: string;
  readonly undo?: boolean;
  readonly state?: string;
}

/** `sr-migrate freeze --source URL [--undo]` */
export function freezeCommand(io: CliIo, run: (action: () => Promise<number>) => Promise<void>): Command {
  const command = new Command('freeze')
    .description(
      'Make the source READONLY for the migration window (top level, :.__GLOBAL:, each context, and each subject ' +
        'that sets its own mode), recording what it changed; --undo restores exactly that',
    )
    .requiredOption('--source <url>', 'registry URL (credentials: SR_SOURCE_AUTH, --source-secret-arn, or user:pass@ in the URL)')
    .option('--undo', 'restore the modes recorded by the freeze (unset scopes become unset again)')
    .option('--state <location>', 'freeze record: a path or s3://bucket/key (default: freeze-<host>.json in the state location)');
  addStateDirOption(command);
  addCommonOptions(command, ['source']);
  return command.action((options: FreezeCliOptions) =>
    run(() =>
      withRegistry(io, options, 'source', options.source, async (api, progress) => {
        const log = (line: string) => progress.log(line);
        const statePath = freezeStatePath(api.displayUrl, options.state, io, options.stateDir);
        if (options.undo) {
          const result = await unfreezeRegistry(api, { stateLocation: statePath, log });
          io.stdout.write(`Unfroze ${api.displayUrl}: ${result.restored.length} scope(s) restored; removed ${statePath}.\n`);
        } else {
          const result = await freezeRegistry(api, { stateLocation: statePath, concurrency: options.concurrency, log });
          io.stdout.write(
            `Froze ${api.displayUrl}: ${result.changes.length} scope(s) set READONLY` +
              (result.alreadyReadOnly.length > 0
                ? `, ${result.alreadyReadOnly.length} already read-only (${result.alreadyReadOnly.map(describeScope).join(', ')})`
                : '') +
              `. Undo record: ${statePath} (run \`sr-migrate freeze --source … --undo\` after the cut-over or to abort).\n`,
          );
        }
        return EXIT_OK;
      }),
    ),
  );
}
