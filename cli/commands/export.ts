import { Command } from 'commander';
import { exportRegistry } from '../../lambda/migration/export';
import { freezeTransform } from '../freeze-state';
import { EXIT_OK, type CliIo } from '../io';
import { addCommonOptions, addStateDirOption, type CommonOptions } from '../options';
import { withRegistry } from '../with-registry';

interface ExportOptions extends CommonOptions {
  readonly source: string;
  readonly out: string;
  readonly freezeState?: string;
}

/** `sr-migrate export --source URL --out PATH|s3://bucket/key` */
export function exportCommand(io: CliIo, run: (action: () => Promise<number>) => Promise<void>): Command {
  const command = new Command('export')
    .description('Export every context, subject, version (soft-deleted too), config, mode and max id to a file or S3 object')
    .requiredOption('--source <url>', 'source registry URL (credentials: SR_SOURCE_AUTH, --source-secret-arn, or user:pass@ in the URL)')
    .requiredOption('--out <location>', 'export location: a path or s3://bucket/key (gzip when it ends in .gz)')
    .option('--freeze-state <location>', 'freeze record written by `sr-migrate freeze` (default: looked up in the state location)');
  addStateDirOption(command);
  addCommonOptions(command, ['source']);
  return command.action((options: ExportOptions) =>
    run(() =>
      withRegistry(io, options, 'source', options.source, async (api, progress) => {
        const transform = await freezeTransform(api.displayUrl, options.freezeState, io, (line) => progress.log(line), options.stateDir);
        const started = Date.now();
        const result = await exportRegistry(api, options.out, {
          concurrency: options.concurrency,
          transform,
          log: (line) => progress.log(line),
          onProgress: (p) => progress.update(p.phase, p.done, p.total),
        });
        progress.stop();
        const c = result.counts;
        io.stdout.write(
          `Exported ${c.schema} subject-version(s), ${c.context} context(s), ${c.config} config(s), ${c.mode} mode(s) ` +
            `from ${api.displayUrl} (${result.serverVersion ?? 'version unknown'}, ${result.method} read) to ${result.location} ` +
            `in ${((Date.now() - started) / 1000).toFixed(1)} s. sha256 ${result.sha256}\n`,
        );
        return EXIT_OK;
      }),
    ),
  );
}
