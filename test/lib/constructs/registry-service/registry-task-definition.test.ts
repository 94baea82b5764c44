import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { RegistryStage } from '../../../../lib/stages/registry-stage';
import { testApp } from '../../../helpers/app';
import { configWith } from '../../stacks/stage-fixture';

const CHECKSUM_WARNING = Match.stringLikeRegexp('registry.mskIamAuthSha256 is not set');

function registryAnnotations(registry: NonNullable<Parameters<typeof configWith>[1]>['registry']) {
  const stage = new RegistryStage(testApp(), 'Dev', { config: configWith('dev', registry ? { registry } : {}) });
  return Annotations.fromStack(stage.registry);
}

describe('RegistryTaskDefinition image checksum', () => {
  // Synth prints the warning report on stderr; the assertions below read it from the annotations.
  beforeEach(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  test('warns at synth when the MSK IAM jar checksum is not configured (the image build would stop)', () => {
    registryAnnotations(undefined).hasWarning('*', CHECKSUM_WARNING);
  });

  test('no warning once the checksum is configured', () => {
    const sha = 'a'.repeat(64);
    registryAnnotations({ mskIamAuthSha256: sha } as never).hasNoWarning('*', CHECKSUM_WARNING);
  });
});
