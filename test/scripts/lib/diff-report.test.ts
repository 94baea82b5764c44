import { hasDifferences, renderMarkdown, renderText, type DiffSummary } from '../../../scripts/lib/diff-report';

const summary: DiffSummary = {
  baseRef: 'origin/main',
  baseCommit: '0123456789abcdef0123',
  outcomes: [
    {
      kind: 'unchanged',
      displayName: 'Dev/Network',
      stackName: 'Dev-Network',
      diff: { hasDifferences: false, text: 'There were no differences' },
    },
    {
      kind: 'changed',
      displayName: 'Dev/Data',
      stackName: 'Dev-Data',
      diff: { hasDifferences: true, text: '[~] AWS::S3::Bucket Data\n ```fence```' },
    },
    { kind: 'removed', displayName: 'Dev/Old', stackName: 'Dev-Old', resourceCount: 3 },
  ],
};

describe('diff report', () => {
  it('text: a headline per stack, the CLI output under changed ones', () => {
    const text = renderText(summary);
    expect(text.split('\n')[0]).toBe(
      'offline cdk diff: base origin/main (0123456789ab) -> working tree; 3 stacks: 1 changed, 0 added, 1 removed, 1 unchanged',
    );
    expect(text).toContain('=== Dev/Network (Dev-Network): no differences\n=== Dev/Data (Dev-Data): changed\n[~] AWS::S3::Bucket Data');
    expect(text).toContain('=== Dev/Old (Dev-Old): removed (in the base only, 3 resources)');
    expect(text).not.toContain('There were no differences');
  });

  it('markdown: collapsible sections, code fences inside the diff cannot close the block', () => {
    const md = renderMarkdown(summary);
    expect(md).toContain(
      '<details><summary>Dev/Data (Dev-Data): changed</summary>\n\n```\n[~] AWS::S3::Bucket Data\n `\u200b``fence`\u200b``\n```\n</details>',
    );
    expect(md).toContain('<details open><summary>Dev/Old (Dev-Old): removed');
    expect(md).toContain('No differences: `Dev/Network`');
  });

  it('markdown: a diff too long for a GitHub comment keeps every headline and says how to see the rest', () => {
    const huge: DiffSummary = {
      ...summary,
      outcomes: [
        {
          kind: 'changed',
          displayName: 'Prod/Registry',
          stackName: 'Prod-Registry',
          diff: { hasDifferences: true, text: 'x'.repeat(70_000) },
        },
      ],
    };
    const md = renderMarkdown(huge);
    expect(md.length).toBeLessThan(65_536);
    expect(md).toContain('<details><summary>Prod/Registry (Prod-Registry): changed</summary></details>');
    expect(md).toContain('run `npm run diff:offline -- --base origin/main` locally');
  });

  it('hasDifferences is false only when every stack is unchanged', () => {
    expect(hasDifferences(summary)).toBe(true);
    expect(hasDifferences({ ...summary, outcomes: [summary.outcomes[0]] })).toBe(false);
  });
});
