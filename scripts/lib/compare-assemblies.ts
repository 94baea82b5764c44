import * as fs from 'node:fs';
import * as path from 'node:path';
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
    for (const head of headStacks) {
      const base = baseStacks.get(head.displayName);
      const diff = await diffStack(
        cli,
        options.cliTree,
        options.headOut,
        base ? base.templateFile : emptyTemplate,
        head.displayName,
        options.env,
      );
      const kind = !base ? 'added' : diff.hasDifferences ? 'changed' : 'unchanged';
      outcomes.push({ kind, displayName: head.displayName, stackName: head.stackName, diff });
      baseStacks.delete(head.displayName);
    }
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
