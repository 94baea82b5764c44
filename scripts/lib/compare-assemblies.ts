import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import pLimit = require('p-limit');
import { readAssemblyStacks, stageOf, type AssemblyStack } from './assembly-stacks';
import { cdkCliOf, diffStack } from './cdk-cli';
import type { StackOutcome } from './diff-report';

export interface CompareAssembliesOptions {
  /** Checkout whose node_modules holds the CDK CLI used for the diffs. */
  readonly cliTree: string;
  /** Synthesized base and head cloud assemblies. */
  readonly baseOut: string;
  readonly headOut: string;
  /** Environment for the CDK CLI (see offlineCdkEnv). */
  readonly env: NodeJS.ProcessEnv;
  /** Only stacks of these stages. @default every stack */
  readonly stages?: readonly string[];
  /** Where the empty template for added stacks is written. */
  readonly scratchDir: string;
}

/**
 * One outcome per stack, in head order, then the stacks only the base has. Stacks are
 * matched by display name (`Dev/Registry`); a stack in the head only is diffed against an
 * empty template, so every resource shows as added.
 */
export async function compareAssemblies(options: CompareAssembliesOptions): Promise<StackOutcome[]> {
  const { stages } = options;
  const selected = (stack: AssemblyStack) => !stages || stages.length === 0 || stages.includes(stageOf(stack) ?? '');
  const baseStacks = new Map(
    readAssemblyStacks(options.baseOut)
      .filter(selected)
      .map((s) => [s.displayName, s]),
  );
  const headStacks = readAssemblyStacks(options.headOut).filter(selected);
  if (stages && stages.length > 0 && headStacks.length === 0 && baseStacks.size === 0) {
    throw new Error(`no stack belongs to stage ${stages.join(', ')}; check the --stage name (e.g. Dev, Staging, Prod)`);
  }

  const outcomes: StackOutcome[] = [];
  if (headStacks.length > 0) {
    const cli = cdkCliOf(options.cliTree);
    const emptyTemplate = path.join(options.scratchDir, 'empty.template.json');
    fs.writeFileSync(emptyTemplate, '{}\n');
    // Each diff is a separate CLI process (mostly start-up time): run a few at once, report in order.
    const limit = pLimit(Math.max(1, Math.min(4, os.availableParallelism())));
    const diffs = await Promise.all(
      headStacks.map((head) => {
        const base = baseStacks.get(head.displayName);
        const template = base ? base.templateFile : emptyTemplate;
        return limit(() => diffStack(cli, options.cliTree, options.headOut, template, head.displayName, options.env));
      }),
    );
    headStacks.forEach((head, i) => {
      const diff = diffs[i];
      const kind = !baseStacks.has(head.displayName) ? 'added' : diff.hasDifferences ? 'changed' : 'unchanged';
      outcomes.push({ kind, displayName: head.displayName, stackName: head.stackName, diff });
    });
    for (const head of headStacks) baseStacks.delete(head.displayName);
  }
  for (const removed of baseStacks.values()) {
    const template = JSON.parse(fs.readFileSync(removed.templateFile, 'utf8')) as { Resources?: Record<string, unknown> };
    outcomes.push({
      kind: 'removed',
      displayName: removed.displayName,
      stackName: removed.stackName,
      resourceCount: Object.keys(template.Resources ?? {}).length,
    });
  }
  return outcomes;
}
