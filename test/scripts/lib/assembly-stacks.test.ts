import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readAssemblyStacks, stageOf } from '../../../scripts/lib/assembly-stacks';
import { writeAssembly } from './write-assembly';

describe('readAssemblyStacks', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'assembly-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('finds top-level stacks and the stacks of stage assemblies, with template paths from each manifest', () => {
    writeAssembly(dir, [
      { id: 'Global', resources: {} },
      { stage: 'Dev', id: 'Registry', resources: {} },
      { stage: 'Prod', id: 'Registry', resources: {} },
    ]);
    const stacks = readAssemblyStacks(dir);
    expect(stacks.map((s) => [s.displayName, s.stackName, path.relative(dir, s.templateFile)])).toEqual([
      ['Global', 'Global', 'GlobalABC123.template.json'],
      ['Dev/Registry', 'Dev-Registry', path.join('assembly-Dev', 'DevRegistryABC123.template.json')],
      ['Prod/Registry', 'Prod-Registry', path.join('assembly-Prod', 'ProdRegistryABC123.template.json')],
    ]);
    expect(stacks.map(stageOf)).toEqual([undefined, 'Dev', 'Prod']);
  });

  it('names the manifest it cannot read', () => {
    expect(() => readAssemblyStacks(dir)).toThrow(`cannot read the cloud assembly manifest ${path.join(dir, 'manifest.json')}`);
  });
});
