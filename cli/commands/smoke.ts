import { Command } from 'commander';
import { DEFAULT_SMOKE_CONTEXT, normaliseSmokeContext, renderSmokeReport, runSmokeTest } from '../smoke';
import { UsageError } from '../errors';
import { EXIT_FAILURE, EXIT_OK, type CliIo } from '../io';
import { addCommonOptions, type CommonOptions } from '../options';
import { withRegistry } from '../with-registry';

interface SmokeCliOptions extends CommonOptions {
  readonly target: string;
  readonly context: string;
  readonly allowImportMode?: boolean;
  readonly json?: boolean;
}

/** `sr-migrate smoke --target URL [--context .sr-migrate-smoke] [--allow-import-mode] [--json]` */
export function smokeCommand(io: CliIo, run: (action: () => Promise<number>) => Promise<void>): Command {
  const command = new Command('smoke')
    .description(
      'Post-deploy functional test: register a throwaway Avro schema in a dedicated context, read it back by subject/version ' +
        'and by id, check a compatible evolution, delete it (soft, then permanent). Refuses a READONLY target, and an IMPORT ' +
        'one unless --allow-import-mode. Exit 1 when a step fails or the run is refused',
    )
    .requiredOption(
      '--target <url>',
      'registry URL (credentials: SR_TARGET_AUTH, SR_TARGET_TOKEN, --target-secret-arn, or user:pass@ in the URL)',
    )
    .option('--context <name>', 'dedicated context for the throwaway subject', DEFAULT_SMOKE_CONTEXT)
    .option('--allow-import-mode', 'run even when the target is in IMPORT mode (the smoke context is separate from imported data)')
    .option('--json', 'print the report as JSON');
  addCommonOptions(command, ['target']);
  return command.action((options: SmokeCliOptions) =>
    run(async () => {
      let context: string;
      try {
        context = normaliseSmokeContext(options.context);
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
      return withRegistry(io, options, 'target', options.target, async (target) => {
        const report = await runSmokeTest(target, { context, allowImportMode: options.allowImportMode ?? false });
        io.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : renderSmokeReport(report));
        return report.ok ? EXIT_OK : EXIT_FAILURE;
      });
    }),
  );
}
