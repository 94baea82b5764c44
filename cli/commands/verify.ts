import { Command } from 'commander';
import { readRegistrySnapshot } from '../../lambda/migration/snapshot';
import { loadExport } from '../../lambda/migration/format/reader';
import { expectedStateOf, renderVerifyReport, verifyRegistry, type ExpectedState } from '../../lambda/migration/verify';
import { connectRegistry } from '../connect';
import { UsageError } from '../errors';
import { readFreezeRecord } from '../freeze-state';
import { ledgerLocation, stateDir } from '../state';
import { carriedSource, isSyncing } from '../../lambda/migration/sync';
import { heldTargetModes } from '../../lambda/migration/import';
import type { HttpSchemaRegistryClient } from '../../lambda/registry-client/client';
import type { RegistryMode } from '../../lambda/registry-client/types';
import { EXIT_FAILURE, EXIT_OK, type CliIo } from '../io';
import { addCommonOptions, addStateDirOption, type CommonOptions } from '../options';
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
    .option('--freeze-state <location>', 'with --source: freeze record of the source (default: looked up in the state location)')
    .option('--json', 'print the report as JSON');
  addStateDirOption(command);
  addCommonOptions(command, ['source', 'target']);
  return command.action((options: VerifyCliOptions) =>
    run(async () => {
      if (Boolean(options.in) === Boolean(options.source)) {
        throw new UsageError('verify needs exactly one of --in <export> or --source <url> to compare the target with');
      }
      return withRegistry(io, { ...options, quiet: options.quiet || options.json }, 'target', options.target, async (target, progress) => {
        const { expected, heldModes } = options.in
          ? { expected: await expectedFromExport(options.in), heldModes: undefined }
          : await expectedFromSource(options, io, progress, target);
        const report = await verifyRegistry(target, expected, {
          concurrency: options.concurrency,
          onProgress: (p) => progress.update(`target ${p.phase}`, p.done, p.total),
          heldModes,
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

/**
 * The live source as a migration carries it (the sr-migrate freeze taken out, id placeholders
 * left out), and, while the ledger says a sync from it to the target runs, the IMPORT hold that
 * sync keeps on purpose (reported as notes, not differences).
 */
async function expectedFromSource(
  options: VerifyCliOptions,
  io: CliIo,
  progress: ProgressReporter,
  target: HttpSchemaRegistryClient,
): Promise<{ expected: ExpectedState; heldModes?: ReadonlyMap<string, RegistryMode> }> {
  const source = await connectRegistry('source', options.source as string, options, io);
  try {
    const freezeState = await readFreezeRecord(source.displayUrl, options.freezeState, io, options.stateDir);
    if (freezeState) progress.log(`source frozen by sr-migrate: ${freezeState.changes.length} scope(s) carry their pre-freeze mode`);
    const [snapshot, syncing] = await Promise.all([
      readRegistrySnapshot(source, {
        concurrency: options.concurrency,
        onProgress: (p) => progress.update(`source ${p.phase}`, p.done, p.total),
      }),
      isSyncing(ledgerLocation(stateDir(options.stateDir, io)), source, target),
    ]);
    const expected = carriedSource(snapshot, freezeState);
    return { expected, ...(syncing ? { heldModes: heldTargetModes(expected) } : {}) };
  } finally {
    source.close();
  }
}
