import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { ENVIRONMENTS } from '../../../../lib/config';
import { RegistryTaskDefinition } from '../../../../lib/constructs/registry-service/registry-task-definition';
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

test("Kafka auth 'scram' without the SCRAM secret and its key names both missing props", () => {
  const stack = new Stack(testApp(), 'Task');
  const { service, registry, kafka } = ENVIRONMENTS.dev;
  expect(
    () =>
      new RegistryTaskDefinition(stack, 'Task', {
        service,
        registry,
        store: kafka,
        kafka: { bootstrapServers: 'b-1.example:9096', authMode: 'scram', brokerPorts: [9096] },
        adminSecret: new secretsmanager.Secret(stack, 'Admin'),
        vpcCidr: '10.40.0.0/16',
        logRemovalPolicy: RemovalPolicy.DESTROY,
      }),
  ).toThrow(
    "RegistryTaskDefinition at Task/Task: invalid props:\n - kafka.scramSecret is required with authMode 'scram' (the secret behind kafka.scramSecretArn in the config)\n" +
      " - kafka.scramSecretKeyArn is required with authMode 'scram' (MSK only accepts SCRAM secrets encrypted with a customer managed KMS key; kafka.scramSecretKmsKeyArn in the config)",
  );
});
