import type { VerifyReport } from './report';

/** Differences shown in full per kind before the text report only counts the rest. */
const SHOWN_PER_KIND = 20;

/**
 * A readable report: a verdict line, then the differences grouped by kind (the first
 * `SHOWN_PER_KIND` of each in full, the rest counted), then tolerated notes.
 */
export function renderVerifyReport(report: VerifyReport): string {
  const { checked } = report;
  const lines: string[] = [
    report.ok
      ? `OK: the target matches (${checked.versions} subject-versions, ${checked.contexts} contexts, ${checked.configs} configs, ${checked.modes} modes, ${checked.maxIds} max ids checked)`
      : `FAILED: ${report.differences.length} difference(s) between the source and the target (${checked.versions} subject-versions checked)`,
  ];
  const byKind = new Map<string, string[]>();
  for (const d of report.differences) {
    const list = byKind.get(d.kind) ?? [];
    list.push(d.message);
    byKind.set(d.kind, list);
  }
  for (const [kind, messages] of byKind) {
    lines.push('', `${kind} (${messages.length}):`);
    for (const message of messages.slice(0, SHOWN_PER_KIND)) lines.push(`  - ${message}`);
    if (messages.length > SHOWN_PER_KIND) lines.push(`  … and ${messages.length - SHOWN_PER_KIND} more (use --json for all)`);
  }
  if (report.notes.length > 0) {
    lines.push('', 'Notes (not differences):');
    for (const note of report.notes) lines.push(`  - ${note}`);
  }
  return `${lines.join('\n')}\n`;
}
