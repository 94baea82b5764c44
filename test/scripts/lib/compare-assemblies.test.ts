import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { compareAssemblies } from '../../../scripts/lib/compare-assemblies';
import { writeAssembly } from './write-assembly';

// Only the paths that need no CDK CLI run here; changed/added/unchanged stacks are covered
// end to end by test/scripts/diff-offline.test.ts.
describe('compareAssemblies', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compare-'));
    writeAssembly(path.join(dir, 'base'), [
      { stage: 'Dev', id: 'Old', resources: { A: { Type: 'AWS::S3::Bucket' }, B: { Type: 'AWS::SNS::Topic' } } },
    ]);
    writeAssembly(path.join(dir, 'head'), [{ stage: 'Prod', id: 'New', resources: {} }]);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const options = (stages?: string[]) => ({
    cliTree: '/nonexistent',
    baseOut: path.join(dir, 'base'),
    headOut: path.join(dir, 'head'),
    env: {},
    scratchDir: dir,
    stages,
  });

  it('reports a stack that only the base has as removed, with its resource count', async () => {
    await expect(compareAssemblies(options(['Dev']))).resolves.toEqual([
      { kind: 'removed', displayName: 'Dev/Old', stackName: 'Dev-Old', resourceCount: 2 },
    ]);
  });

  it('rejects a --stage that matches no stack on either side', async () => {
    await expect(compareAssemblies(options(['Qa']))).rejects.toThrow('no stack belongs to stage Qa; check the --stage name');
  });

  it('names the missing CDK CLI when a head stack needs a diff', async () => {
    await expect(compareAssemblies(options(['Prod']))).rejects.toThrow(
      'no CDK CLI at /nonexistent/node_modules/aws-cdk/bin/cdk; run npm ci first',
    );
  });
});
