import type { StackDiff } from './cdk-cli';

/** What happened to one stack between the base and the working tree. */
export type StackOutcome =
  | { readonly kind: 'unchanged' | 'changed' | 'added'; readonly displayName: string; readonly stackName: string; readonly diff: StackDiff }
  | { readonly kind: 'removed'; readonly displayName: string; readonly stackName: string; readonly resourceCount: number };

export interface DiffSummary {
  /** The ref as given, and the commit it resolved to. */
  readonly baseRef: string;
  readonly baseCommit: string;
  readonly outcomes: readonly StackOutcome[];
}

/** GitHub refuses comments over 65536 characters; leave room for the workflow's marker and header. */
const MARKDOWN_LIMIT = 60_000;

export function hasDifferences(summary: DiffSummary): boolean {
  return summary.outcomes.some((o) => o.kind !== 'unchanged');
}

function counts(summary: DiffSummary): string {
  const n = (kind: StackOutcome['kind']) => summary.outcomes.filter((o) => o.kind === kind).length;
  return `${summary.outcomes.length} stacks: ${n('changed')} changed, ${n('added')} added, ${n('removed')} removed, ${n('unchanged')} unchanged`;
}

function headline(outcome: StackOutcome): string {
  const name = `${outcome.displayName} (${outcome.stackName})`;
  switch (outcome.kind) {
    case 'unchanged':
      return `${name}: no differences`;
    case 'changed':
      return `${name}: changed`;
    case 'added':
      return `${name}: added (not in the base; every resource is new)`;
    case 'removed':
      return (
        `${name}: removed (in the base only, ${outcome.resourceCount} resources). ` +
        `\`cdk deploy\` does not delete a stack that left the app: destroy it explicitly if that is intended`
      );
  }
}

/** One plain-text section per stack. */
export function renderText(summary: DiffSummary): string {
  const lines = [`offline cdk diff: base ${summary.baseRef} (${summary.baseCommit.slice(0, 12)}) -> working tree; ${counts(summary)}`, ''];
  for (const outcome of summary.outcomes) {
    lines.push(`=== ${headline(outcome)}`);
    if (outcome.kind === 'changed' || outcome.kind === 'added') lines.push(outcome.diff.text, '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** Markdown for a pull-request comment: one collapsible section per stack with differences. */
export function renderMarkdown(summary: DiffSummary): string {
  const parts = [
    `### cdk diff (offline): base \`${summary.baseRef}\` (${summary.baseCommit.slice(0, 12)}) → this pull request`,
    '',
    counts(summary),
    '',
  ];
  const unchanged = summary.outcomes.filter((o) => o.kind === 'unchanged').map((o) => `\`${o.displayName}\``);
  const sections = (withBodies: boolean): string[] =>
    summary.outcomes
      .filter((o) => o.kind !== 'unchanged')
      .map((o) => {
        const body = withBodies && o.kind !== 'removed' ? `\n\n\`\`\`\n${o.diff.text.replace(/```/g, '`\u200b``')}\n\`\`\`\n` : '';
        return `<details${o.kind === 'removed' ? ' open' : ''}><summary>${escapeHtml(headline(o))}</summary>${body}</details>\n`;
      });
  const tail = unchanged.length > 0 ? [`No differences: ${unchanged.join(', ')}`, ''] : [];
  const full = [...parts, ...sections(true), ...tail].join('\n');
  if (full.length <= MARKDOWN_LIMIT) return full;
  // Too long for one comment: keep every stack's headline, drop the bodies.
  const note = `The full diff is ${full.length} characters, too long for a comment: run \`npm run diff:offline -- --base ${summary.baseRef}\` locally.\n`;
  return [...parts, note, ...sections(false), ...tail].join('\n');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
