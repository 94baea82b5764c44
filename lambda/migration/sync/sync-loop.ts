import type { SchemaRegistryApi } from '../../registry-client/api';
import { scopesInImportAfter, type SyncPassMetrics } from './metrics';
import { CutOverSinceError, syncPass, type SyncPassOptions, type SyncPassResult } from './sync-pass';

export interface SyncLoopOptions extends SyncPassOptions {
  /**
   * Seconds from the end of one pass to the start of the next; undefined runs one pass.
   * @default one pass
   */
  readonly intervalSeconds?: number;
  /** Stops the loop: the pass in flight finishes its writes in flight and starts no more. */
  readonly signal?: AbortSignal;
  /** After each pass, successful or not. */
  readonly onPass?: (report: SyncPassReport) => void | Promise<void>;
  /** Publishes a pass's metrics; a failure to publish is logged, never stops the sync. */
  readonly publishMetrics?: (metrics: SyncPassMetrics) => Promise<void>;
  /** Test hook for the pause between passes. */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Test hook for the clock. */
  readonly now?: () => number;
}

export interface SyncPassReport {
  /** 1-based. */
  readonly pass: number;
  readonly ok: boolean;
  readonly result?: SyncPassResult;
  readonly error?: unknown;
  readonly seconds: number;
  readonly metrics: SyncPassMetrics;
}

export interface SyncLoopSummary {
  readonly passes: number;
  readonly failedPasses: number;
  readonly writes: number;
  /** True when the signal ended the loop. */
  readonly stopped: boolean;
  /** Whether the last pass completed without error. */
  readonly lastPassOk: boolean;
}

/**
 * Sync passes until the signal (or after one pass without an interval). A failed pass
 * (registry unreachable, a conflict) is reported and the loop goes on: the next pass may
 * succeed once the cause is fixed, and the metrics show how long it has been failing.
 */
export async function runSync(
  source: SchemaRegistryApi,
  target: SchemaRegistryApi,
  options: SyncLoopOptions = {},
): Promise<SyncLoopSummary> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? abortableSleep;
  let passes = 0;
  let failedPasses = 0;
  let writes = 0;
  let lastSuccess: number | undefined;
  let lastPassOk = false;
  const startedAt = new Date(now());
  for (;;) {
    passes++;
    const started = now();
    let report: SyncPassReport;
    try {
      const result = await syncPass(source, target, { notCutOverSince: startedAt, ...options });
      writes += result.written;
      if (result.complete) lastSuccess = now();
      lastPassOk = result.complete;
      report = {
        pass: passes,
        ok: result.complete,
        result,
        seconds: (now() - started) / 1000,
        metrics: {
          versionsBehind: result.versionsBehind,
          writes: result.written,
          secondsSinceLastSuccess: lastSuccess === undefined ? undefined : (now() - lastSuccess) / 1000,
          scopesInImport: scopesInImportAfter(result),
        },
      };
    } catch (error) {
      if (error instanceof CutOverSinceError) {
        options.log?.(error.message);
        return { passes, failedPasses, writes, stopped: true, lastPassOk: true };
      }
      failedPasses++;
      lastPassOk = false;
      report = {
        pass: passes,
        ok: false,
        error,
        seconds: (now() - started) / 1000,
        metrics: {
          versionsBehind: 0,
          writes: 0,
          secondsSinceLastSuccess: lastSuccess === undefined ? undefined : (now() - lastSuccess) / 1000,
        },
      };
    }
    if (options.publishMetrics) {
      await options
        .publishMetrics(report.metrics)
        .catch((error: unknown) => options.log?.(`warning: publishing metrics failed: ${(error as Error).message}`));
    }
    await options.onPass?.(report);
    if (options.intervalSeconds === undefined || options.signal?.aborted) break;
    await sleep(options.intervalSeconds * 1000, options.signal);
    if (options.signal?.aborted) break;
  }
  return { passes, failedPasses, writes, stopped: options.signal?.aborted ?? false, lastPassOk };
}

/** Resolves after `ms`, or at once when the signal aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
