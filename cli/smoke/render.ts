import type { SmokeReport } from './types';

const LABEL = { passed: 'PASS', failed: 'FAIL', skipped: 'SKIP' } as const;

/** The smoke report as aligned text: one line per step with its time, then the verdict. */
export function renderSmokeReport(report: SmokeReport): string {
  const width = Math.max(...report.steps.map((s) => s.name.length), 10);
  const lines = [`sr-migrate smoke: ${report.target}, subject ${report.subject}`];
  for (const step of report.steps) {
    lines.push(`  ${LABEL[step.status]}  ${step.name.padEnd(width)}  ${`${Math.round(step.ms)} ms`.padStart(8)}  ${step.detail}`);
  }
  if (report.cleanup) lines.push(`clean-up: ${report.cleanup}`);
  const count = (status: keyof typeof LABEL) => report.steps.filter((s) => s.status === status).length;
  const tally = `${count('passed')} passed, ${count('skipped')} skipped, ${count('failed')} failed`;
  lines.push(report.refused ? `result: REFUSED (${tally}): nothing was written` : `result: ${report.ok ? 'PASSED' : 'FAILED'} (${tally})`);
  return `${lines.join('\n')}\n`;
}
