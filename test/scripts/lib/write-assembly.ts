import * as fs from 'node:fs';
import * as path from 'node:path';

/** Writes a cloud assembly by hand: a top-level stack and a stage assembly with one stack. */
export function writeAssembly(dir: string, stacks: { stage?: string; id: string; resources: Record<string, unknown> }[]): void {
  const root: Record<string, unknown> = {};
  const stages = new Map<string, Record<string, unknown>>();
  for (const stack of stacks) {
    const dirName = stack.stage ? `assembly-${stack.stage}` : '';
    const artifacts = stack.stage ? (stages.get(stack.stage) ?? stages.set(stack.stage, {}).get(stack.stage)!) : root;
    const artifactId = `${stack.stage ?? ''}${stack.id}ABC123`;
    fs.mkdirSync(path.join(dir, dirName), { recursive: true });
    fs.writeFileSync(path.join(dir, dirName, `${artifactId}.template.json`), JSON.stringify({ Resources: stack.resources }));
    artifacts[artifactId] = {
      type: 'aws:cloudformation:stack',
      displayName: stack.stage ? `${stack.stage}/${stack.id}` : stack.id,
      properties: { templateFile: `${artifactId}.template.json`, stackName: stack.stage ? `${stack.stage}-${stack.id}` : stack.id },
    };
  }
  for (const [stage, artifacts] of stages) {
    fs.writeFileSync(path.join(dir, `assembly-${stage}`, 'manifest.json'), JSON.stringify({ version: '55.0.0', artifacts }));
    root[`assembly-${stage}`] = { type: 'cdk:cloud-assembly', properties: { directoryName: `assembly-${stage}`, displayName: stage } };
  }
  root.Tree = { type: 'cdk:tree', properties: { file: 'tree.json' } };
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ version: '55.0.0', artifacts: root }));
}
