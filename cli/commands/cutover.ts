import { Command } from 'commander';
import { cutover, scopesInImportAfter, type CutoverResult, type SyncPassResult } from '../../lambda/migration/sync';
import { freezeStatePath } from '../freeze-state';
import { EXIT_FAILURE, EXIT_OK, type CliIo } from '../io';
import { addCommonOptions, addStateDirOption, type CommonOptions } from '../options';
import { freezeRecordLocation, ledgerLocation, stateDir } from '../state';
import { metricsPublisher } from '../sync/metrics-publisher';
import { passJson, passLine } from '../sync/pass-output';
import { withSourceAndTarget } from '../with-registry';

interface CutoverCliOptions extends CommonOptions {
  readonly source: string;
  readonly target: string;
  readonly dryRun?: boolean;
  readonly json?: boolean;
  readonly metrics?: string | boolean;
  readonly force?: boolean;
  readonly freezeState?: string;
}

/** `sr-migrate cutover --source URL --target URL [--dry-run] [--json]` */
export function cutoverCommand(io: CliIo, run: (action: () => Promise<number>) => Promise<void>): Command {
  const command = new Command('cutover')
    .description(
      'Switch from the source to the target in one command: a catch-up sync, freeze the source (recorded for ' +
        "`freeze --undo`), a final sync, verify, then the source's pre-freeze modes on the target so it accepts writes. " +
        'Prints the write-freeze window. Any failure after the freeze undoes it and leaves the target in IMPORT (exit 1, ' +
        'naming the step). Roll back with the same command, source and target swapped',
    )
    .requiredOption('--source <url>', 'registry to leave (credentials: SR_SOURCE_AUTH, --source-secret-arn, or user:pass@ in the URL)')
    .requiredOption('--target <url>', 'registry to switch to (credentials: SR_TARGET_AUTH, --target-secret-arn, or user:pass@ in the URL)')
    .option('--dry-run', 'read both registries and say what each step would do; write nothing')
    .option('--json', 'print one JSON object per sync pass and one for the cut-over')
    .option('--metrics [environment]', 'publish the sync passes to CloudWatch (environment: the value, else $SR_MIGRATE_ENVIRONMENT)')
    .option('--force', 'leave target content that is not from this source alone (verify still reports it, which stops the cut-over)')
    .option('--freeze-state <location>', "where the source's freeze record goes (default: freeze-<host>.json in the state location)");
  addStateDirOption(command);
  addCommonOptions(command, ['source', 'target']);
  return command.action((options: CutoverCliOptions) =>
    run(async () => {
      const publishMetrics = metricsPublisher(options.metrics, io);
      const state = stateDir(options.stateDir, io);
      // A cut-over finishes or undoes itself: the first Ctrl-C only says so.
      const signal = io.interrupt?.();
      const onAbort = () =>
        io.stderr.write(
          'the cut-over finishes or undoes itself; Ctrl-C again abandons it (the source may then stay read-only: `freeze --undo`)\n',
        );
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        return await withSourceAndTarget(io, { ...options, quiet: options.quiet || options.json }, async (source, target, progress) => {
          let passes = 0;
          const result = await cutover(source, target, {
            freezeStateLocation: freezeStatePath(source.displayUrl, options.freezeState, io, options.stateDir),
            targetFreezeStateLocation: freezeRecordLocation(state, target.displayUrl),
            ledgerLocation: ledgerLocation(state),
            force: options.force,
            concurrency: options.concurrency,
            dryRun: options.dryRun,
            log: (line) => progress.log(line),
            onPass: async (name, pass) => {
              passes++;
              const report = passReport(passes, pass);
              if (publishMetrics && !options.dryRun) await publishMetrics(report.metrics).catch(() => undefined);
              if (options.json) io.stdout.write(`${JSON.stringify(passJson(report, name))}\n`);
              else if (!options.quiet) io.stderr.write(`${passLine(report, `${name} sync`)}\n`);
            },
          });
          progress.stop();
          io.stdout.write(
            options.json
              ? `${JSON.stringify(cutoverJson(result, source.displayUrl, target.displayUrl))}\n`
              : renderCutover(result, source.displayUrl, target.displayUrl),
          );
          return result.ok ? EXIT_OK : EXIT_FAILURE;
        });
      } finally {
        signal?.removeEventListener('abort', onAbort);
      }
    }),
  );
}

function passReport(pass: number, result: SyncPassResult) {
  return {
    pass,
    ok: result.complete,
    result,
    seconds: result.seconds,
    metrics: {
      versionsBehind: result.versionsBehind,
      writes: result.written,
      secondsSinceLastSuccess: 0,
      scopesInImport: scopesInImportAfter(result),
    },
  };
}

function switchStep(sourceUrl: string, targetUrl: string): string {
  return (
    `Switch clients to ${targetUrl} now (its DNS name or client configuration); ${sourceUrl} stays read-only. ` +
    `To roll back: sr-migrate sync --source ${targetUrl} --target ${sourceUrl}, then sr-migrate cutover with the same swap.`
  );
}

function cutoverJson(result: CutoverResult, sourceUrl: string, targetUrl: string): Record<string, unknown> {
  return {
    type: 'cutover',
    ok: result.ok,
    dryRun: result.dryRun,
    ...(result.failedStep ? { failedStep: result.failedStep, error: result.error, freezeUndone: result.freezeUndone } : {}),
    ...(result.freezeSeconds !== undefined ? { freezeSeconds: Math.round(result.freezeSeconds * 1000) / 1000 } : {}),
    frozenScopes: result.frozenScopes,
    restoredModes: result.restoredModes,
    source: sourceUrl,
    target: targetUrl,
    ...(result.ok && !result.dryRun ? { next: switchStep(sourceUrl, targetUrl) } : {}),
  };
}

function renderCutover(result: CutoverResult, sourceUrl: string, targetUrl: string): string {
  if (result.dryRun) {
    return `Dry run: ${result.frozenScopes} scope(s) of ${sourceUrl} would be frozen and ${result.restoredModes} mode(s) set on ${targetUrl}. Nothing was written.\n`;
  }
  if (!result.ok) {
    const freeze =
      result.freezeUndone === false
        ? ` The source is STILL READ-ONLY: run \`sr-migrate freeze --source ${sourceUrl} --undo\`.`
        : result.freezeUndone
          ? ' The freeze was undone; the target is held in IMPORT.'
          : '';
    return `Cut-over failed at step "${result.failedStep}": ${result.error}.${freeze}\n`;
  }
  return (
    `Cut-over complete: ${sourceUrl} was read-only for ${result.freezeSeconds!.toFixed(2)} s before ${targetUrl} accepted writes ` +
    `(${result.frozenScopes} scope(s) frozen, ${result.restoredModes} mode(s) set on the target).\n${switchStep(sourceUrl, targetUrl)}\n`
  );
}
