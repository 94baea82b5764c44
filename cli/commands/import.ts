import { Command } from 'commander';
import { loadExport } from '../../lambda/migration/format/reader';
import { importExport, renderPlan } from '../../lambda/migration/import';
import { EXIT_FAILURE, EXIT_OK, type CliIo } from '../io';
import { addCommonOptions, addStateDirOption, type CommonOptions } from '../options';
import { ledgerLocation, stateDir } from '../state';
import { withRegistry } from '../with-registry';

interface ImportCliOptions extends CommonOptions {
  readonly target: string;
  readonly in: string;
  readonly dryRun?: boolean;
  readonly force?: boolean;
}

/** `sr-migrate import --target URL --in PATH|s3://bucket/key [--dry-run] [--force]` */
export function importCommand(io: CliIo, run: (action: () => Promise<number>) => Promise<void>): Command {
  const command = new Command('import')
    .description(
      'Import an export with every schema id and version preserved: checks the whole file, reads the target, ' +
        'refuses on conflicts before writing anything, then writes only what is missing (re-runs resume). What it writes ' +
        'is recorded in the ownership ledger, so a later import or sync from the same source mirrors its permanent deletes',
    )
    .requiredOption('--target <url>', 'target registry URL (credentials: SR_TARGET_AUTH, --target-secret-arn, or user:pass@ in the URL)')
    .requiredOption('--in <location>', 'export to import: a path or s3://bucket/key')
    .option('--dry-run', 'print the plan (or the conflicts) and write nothing')
    .option('--force', 'leave target content that is not from this source alone instead of refusing (never needed to resume)');
  addStateDirOption(command);
  addCommonOptions(command, ['target']);
  return command.action((options: ImportCliOptions) =>
    run(async () => {
      // Validate the whole export (trailer, hash, counts) before touching the target.
      const loaded = await loadExport(options.in);
      return withRegistry(io, options, 'target', options.target, async (api, progress) => {
        const started = Date.now();
        const ledger = ledgerLocation(stateDir(options.stateDir, io));
        progress.log(`ownership ledger: ${ledger}`);
        const result = await importExport(api, loaded, {
          ledgerLocation: ledger,
          force: options.force,
          dryRun: options.dryRun,
          ...(options.concurrency ? { concurrency: options.concurrency } : {}),
          onProgress: (p) => progress.update(p.phase, p.done, p.total),
          log: (line) => progress.log(line),
        });
        progress.stop();
        if (options.dryRun) {
          io.stdout.write(`${renderPlan(result.plan)}\n`);
          io.stdout.write('Dry run: nothing was written.\n');
          return EXIT_OK;
        }
        io.stdout.write(
          `Imported ${loaded.schemas.length} subject-version(s) from ${options.in} into ${api.displayUrl}: ` +
            `${result.written} write(s), ${result.skipped} already present, in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`,
        );
        if (!result.complete) {
          io.stderr.write('error: the import stopped before it was complete; run the same command again to resume\n');
          return EXIT_FAILURE;
        }
        return EXIT_OK;
      });
    }),
  );
}
