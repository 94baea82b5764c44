import type { SyncPassReport } from '../../lambda/migration/sync';
import { describeError } from '../errors';

/** One JSON object per pass (`--json`): what scripts and dashboards read. */
export function passJson(report: SyncPassReport, label?: string): Record<string, unknown> {
  return {
    type: 'pass',
    ...(label ? { label } : {}),
    pass: report.pass,
    ok: report.ok,
    seconds: round(report.seconds),
    versionsBehind: report.metrics.versionsBehind,
    writes: report.metrics.writes,
    ...(report.result
      ? {
          registered: report.result.counts.registered,
          removed: report.result.counts.removed,
          deleted: report.result.counts.deleted,
          configs: report.result.counts.configs,
          modes: report.result.counts.modes + report.result.counts.importModeEntered,
          complete: report.result.complete,
        }
      : {}),
    ...(report.metrics.scopesInImport !== undefined ? { scopesInImport: report.metrics.scopesInImport } : {}),
    ...(report.metrics.secondsSinceLastSuccess !== undefined
      ? { secondsSinceLastSuccess: round(report.metrics.secondsSinceLastSuccess) }
      : {}),
    ...(report.error ? { error: describeError(report.error).replace(/^error: /, '') } : {}),
  };
}

/** One readable line per pass. */
export function passLine(report: SyncPassReport, label = `pass ${report.pass}`): string {
  if (report.error) return `${label}: failed after ${report.seconds.toFixed(1)} s — ${describeError(report.error).replace(/^error: /, '')}`;
  const result = report.result!;
  const behind = report.metrics.versionsBehind;
  const what = result.written === 0 ? 'target in step, nothing written' : `${result.written} write(s)`;
  const stopped = result.complete ? '' : ' (stopped before the end; the next pass finishes it)';
  return `${label}: ${behind} subject-version(s) behind, ${what} in ${report.seconds.toFixed(1)} s; ${report.metrics.scopesInImport ?? 0} scope(s) held in IMPORT${stopped}`;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
