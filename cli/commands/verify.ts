import { Command } from 'commander';
import { readRegistrySnapshot } from '../../lambda/migration/snapshot';
import { loadExport } from '../../lambda/migration/format/reader';
import { expectedStateOf, renderVerifyReport, verifyRegistry, type ExpectedState } from '../../lambda/migration/verify';
import { connectRegistry } from '../connect';
import { UsageError } from '../errors';
import { freezeTransform } from '../freeze-state';
import { EXIT_FAILURE, EXIT_OK, type CliIo } from '../io';
import { addCommonOptions, type CommonOptions } from '../options';
import type { ProgressReporter } from '../progress';
import { withRegistry } from '../with-registry';

interface VerifyCliOptions extends CommonOptions {
  readonly target: string;
  readonly in?: string;
  readonly source?: string;
  readonly json?: boolean;
  readonly freezeState?: string;
}

/** `sr-migrate verify --target URL (--in PATH|s3://... | --source URL) [--json]` */
export function verifyCommand(io: CliIo, run: (action: () => Promise<number>) => Promise<void>): Command {
  const command = new Command('verify')
    .description(
      'Compare the target with an export or the live source: every context, subject, version, id, type, schema, ' +
        'references, metadata, ruleSet, deleted flag, config, mode, and next-id safety. Exit 1 on any difference',
    )
    .requiredOption('--target <url>', 'target registry URL (credentials: SR_TARGET_AUTH, --target-secret-arn, or user:pass@ in the URL)')
    .option('--in <location>', 'export to compare with: a path or s3://bucket/key')
    .option('--source <url>', 'live source registry to compare with (credentials: SR_SOURCE_AUTH, --source-secret-arn)')
    .option('--freeze-state <file>', 'with --source: freeze record of the source (default: .sr-migrate/freeze-<host>.json when present)')
    .option('--json', 'print the report as JSON');
  addCommonOptions(command, ['source', 'target']);
  return command.action((options: VerifyCliOptions) =>
    run(async () => {
      if (Boolean(options.in) === Boolean(options.source)) {
        throw new UsageError('verify needs exactly one of --in <export> or --source <url> to compare the target with');
      }
      return withRegistry(io, { ...options, quiet: options.quiet || options.json }, 'target', options.target, async (target, progress) => {
        const expected = options.in ? await expectedFromExport(options.in) : await expectedFromSource(options, io, progress);
        const report = await verifyRegistry(target, expected, {
          concurrency: options.concurrency,
          onProgress: (p) => progress.update(`target ${p.phase}`, p.done, p.total),
        });
        progress.stop();
        io.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : renderVerifyReport(report));
        return report.ok ? EXIT_OK : EXIT_FAILURE;
      });
    }),
  );
}

async function expectedFromExport(location: string): Promise<ExpectedState> {
  return expectedStateOf(await loadExport(location));
}

async function expectedFromSource(options: VerifyCliOptions, io: CliIo, progress: ProgressReporter): Promise<ExpectedState> {
  const source = await connectRegistry('source', options.source as string, options, io);
  try {
    const transform = await freezeTransform(source.displayUrl, options.freezeState, io, (line) => progress.log(line));
    const snapshot = await readRegistrySnapshot(source, {
      concurrency: options.concurrency,
      onProgress: (p) => progress.update(`source ${p.phase}`, p.done, p.total),
    });
    const { snapshot: unfrozen, frozenScopes } = transform(snapshot);
    return frozenScopes.length > 0 ? { ...unfrozen, frozenScopes } : unfrozen;
  } finally {
    source.close();
  }
}
