import * as fs from 'node:fs';
import * as path from 'node:path';

/** One CloudFormation stack of a synthesized cloud assembly. */
export interface AssemblyStack {
  /** The name `cdk` selects it by: the construct path, e.g. `Dev/Registry` (a top-level stack: its id). */
  readonly displayName: string;
  /** The deployed stack name, e.g. `Dev-Registry`. */
  readonly stackName: string;
  /** Absolute path of the synthesized template. */
  readonly templateFile: string;
}

interface ManifestArtifact {
  readonly type?: string;
  readonly displayName?: string;
  readonly properties?: { readonly templateFile?: string; readonly stackName?: string; readonly directoryName?: string };
}

/**
 * Every stack of the assembly in `outDir`, stage assemblies (`assembly-Dev/`) included, in
 * manifest order. Template file names carry a hash suffix, so they are read from each
 * manifest.json rather than guessed.
 */
export function readAssemblyStacks(outDir: string): AssemblyStack[] {
  const stacks: AssemblyStack[] = [];
  collect(outDir, stacks);
  return stacks;
}

function collect(dir: string, into: AssemblyStack[]): void {
  const manifestFile = path.join(dir, 'manifest.json');
  let manifest: { artifacts?: Record<string, ManifestArtifact> };
  try {
    manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the cloud assembly manifest ${manifestFile}: ${(error as Error).message}`);
  }
  for (const [id, artifact] of Object.entries(manifest.artifacts ?? {})) {
    if (artifact.type === 'aws:cloudformation:stack' && artifact.properties?.templateFile) {
      into.push({
        displayName: artifact.displayName ?? id,
        stackName: artifact.properties.stackName ?? id,
        templateFile: path.join(dir, artifact.properties.templateFile),
      });
    } else if (artifact.type === 'cdk:cloud-assembly' && artifact.properties?.directoryName) {
      collect(path.join(dir, artifact.properties.directoryName), into);
    }
  }
}

/** The stage a stack belongs to: the first segment of a nested display name (`Dev/Registry` → `Dev`). */
export function stageOf(stack: AssemblyStack): string | undefined {
  const slash = stack.displayName.indexOf('/');
  return slash > 0 ? stack.displayName.slice(0, slash) : undefined;
}
