import { Command, InvalidArgumentError, Option } from 'commander';
import { runSync, type SyncPassReport } from '../../lambda/migration/sync';
import { readFreezeRecord } from '../freeze-state';
import { EXIT_FAILURE, EXIT_OK, type CliIo } from '../io';
import { addCommonOptions, addStateDirOption, type CommonOptions } from '../options';
import { ledgerLocation, stateDir } from '../state';
import { metricsPublisher } from '../sync/metrics-publisher';
import { passJson, passLine } from '../sync/pass-output';
import { withSourceAndTarget } from '../with-registry';

interface SyncCliOptions extends CommonOptions {
  readonly source: string;
  readonly target: string;
  readonly interval?: number;
  readonly once?: boolean;
  readonly json?: boolean;
  readonly metrics?: string | boolean;
  readonly force?: boolean;
  readonly freezeState?: string;
}

const DEFAULT_INTERVAL_SECONDS = 30;

/** `sr-migrate sync --source URL --target URL [--interval <seconds> | --once] [--json] [--metrics [env]]` */
export function syncCommand(io: CliIo, run: (action: () => Promise<number>) => Promise<void>): Command {
  const command = new Command('sync')
    .description(
      'Keep the target in step with a live source: each pass writes only the difference (new contexts, subjects and ' +
        'versions with their ids, soft and permanent deletes, configs, modes, id reservations) and holds the target in ' +
        'IMPORT until `cutover`. Ctrl-C stops after the writes in flight; a stopped pass is finished by the next run',
    )
    .requiredOption(
      '--source <url>',
      'live source registry URL (credentials: SR_SOURCE_AUTH, --source-secret-arn, or user:pass@ in the URL)',
    )
    .requiredOption('--target <url>', 'target registry URL (credentials: SR_TARGET_AUTH, --target-secret-arn, or user:pass@ in the URL)')
    .addOption(
      new Option('--interval <seconds>', `seconds between passes (default ${DEFAULT_INTERVAL_SECONDS})`)
        .argParser(positiveSeconds)
        .conflicts('once'),
    )
    .option('--once', 'run one pass and exit (1 when it fails or is refused)')
    .option('--json', 'print one JSON object per pass')
    .option('--metrics [environment]', 'publish each pass to CloudWatch (environment dimension: the value, else $SR_MIGRATE_ENVIRONMENT)')
    .option('--force', 'leave target content that is not from this source alone instead of refusing')
    .option(
      '--freeze-state <location>',
      'freeze record of the source when `sr-migrate freeze` froze it (default: looked up in the state location)',
    );
  addStateDirOption(command);
  addCommonOptions(command, ['source', 'target']);
  return command.action((options: SyncCliOptions) =>
    run(async () => {
      const publishMetrics = metricsPublisher(options.metrics, io);
      const state = stateDir(options.stateDir, io);
      const signal = io.interrupt?.() ?? new AbortController().signal;
      const onAbort = () => io.stderr.write('stopping after the writes in flight… (Ctrl-C again to quit at once)\n');
      signal.addEventListener('abort', onAbort, { once: true });
      try {
        return await withSourceAndTarget(io, { ...options, quiet: options.quiet || options.json }, async (source, target, progress) => {
          const freezeState = await readFreezeRecord(source.displayUrl, options.freezeState, io, options.stateDir);
          const summary = await runSync(source, target, {
            ledgerLocation: ledgerLocation(state),
            freezeState,
            force: options.force,
            concurrency: options.concurrency,
            intervalSeconds: options.once ? undefined : (options.interval ?? DEFAULT_INTERVAL_SECONDS),
            signal,
            publishMetrics,
            log: (line) => progress.log(line),
            onProgress: (p) => progress.update(p.phase, p.done, p.total),
            onPass: (report: SyncPassReport) => {
              progress.stop();
              if (options.json) io.stdout.write(`${JSON.stringify(passJson(report))}\n`);
              else if (!options.quiet || !report.ok) io.stderr.write(`${passLine(report)}\n`);
            },
          });
          const stopped = summary.stopped ? 'stopped by a signal after ' : '';
          const held =
            summary.passes > summary.failedPasses
              ? 'the target is held in IMPORT until `sr-migrate cutover`'
              : 'no pass completed; see the error above';
          const line = `Sync ${stopped}${summary.passes} pass(es): ${summary.writes} write(s), ${summary.failedPasses} failed pass(es); ${held}.`;
          if (options.json) io.stdout.write(`${JSON.stringify({ type: 'summary', ...summary })}\n`);
          else io.stdout.write(`${line}\n`);
          if (summary.stopped) return EXIT_OK;
          return summary.lastPassOk ? EXIT_OK : EXIT_FAILURE;
        });
      } finally {
        signal.removeEventListener('abort', onAbort);
      }
    }),
  );
}

function positiveSeconds(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new InvalidArgumentError('--interval must be a number of seconds > 0.');
  return seconds;
}
