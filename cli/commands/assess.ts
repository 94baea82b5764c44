import { Command } from 'commander';
import { assessRegistry, renderInventory } from '../../lambda/migration/assess';
import { EXIT_OK, type CliIo } from '../io';
import { addCommonOptions, type CommonOptions } from '../options';
import { withRegistry } from '../with-registry';

interface AssessCliOptions extends CommonOptions {
  readonly source: string;
  readonly json?: boolean;
}

/** `sr-migrate assess --source URL [--json]` */
export function assessCommand(io: CliIo, run: (action: () => Promise<number>) => Promise<void>): Command {
  const command = new Command('assess')
    .description(
      'Inventory a registry for planning: counts per context and type, soft deletes, references, configs, modes, largest schemas, estimated import time',
    )
    .requiredOption('--source <url>', 'registry URL (credentials: SR_SOURCE_AUTH, --source-secret-arn, or user:pass@ in the URL)')
    .option('--json', 'print the inventory as JSON');
  addCommonOptions(command, ['source']);
  return command.action((options: AssessCliOptions) =>
    run(() =>
      withRegistry(io, { ...options, quiet: options.quiet || options.json }, 'source', options.source, async (api, progress) => {
        const inventory = await assessRegistry(api, {
          concurrency: options.concurrency,
          log: (line) => progress.log(line),
          onProgress: (p) => progress.update(p.phase, p.done, p.total),
        });
        progress.stop();
        io.stdout.write(options.json ? `${JSON.stringify(inventory, null, 2)}\n` : renderInventory(inventory));
        return EXIT_OK;
      }),
    ),
  );
}
