import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import contract from '../../../../docker/schema-registry/env-contract.json';
import { ENVIRONMENTS, type ExistingKafkaConfig } from '../../../../lib/config';
import { existingKafkaConnection } from '../../../../lib/constructs/kafka-access/existing-kafka';
import { TLS_SECRET_FIELDS } from '../../../../lib/constructs/registry-service/kafka-credentials';
import { RegistryTaskDefinition } from '../../../../lib/constructs/registry-service/registry-task-definition';
import { testApp } from '../../../helpers/app';

const SCRAM_SECRET = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:AmazonMSK_registry-AbCdEf';
const TLS_SECRET = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:kafka/registry-tls-GhIjKl';
const SCRAM_KEY = 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const TLS_KEY = 'arn:aws:kms:eu-west-1:123456789012:key/9999abcd-12ab-34cd-56ef-1234567890ab';

/** The prod task definition against an existing cluster, alone in a stack (no stage to synthesize). */
function taskTemplate(kafka: Partial<ExistingKafkaConfig>): Template {
  const base = { mode: 'existing', topic: '_schemas', groupId: 'schema-registry', replicationFactor: 3, brokerCidrs: ['10.9.0.0/16'] };
  const config = { ...base, ...kafka } as ExistingKafkaConfig;
  const stack = new Stack(testApp(), 'Task', { env: { account: '123456789012', region: 'eu-west-1' } });
  const { service, registry } = ENVIRONMENTS.prod;
  new RegistryTaskDefinition(stack, 'Task', {
    service,
    // A pinned jar checksum keeps the "not set" warning out of these tests' output.
    registry: { ...registry, mskIamAuthSha256: 'a'.repeat(64) },
    store: config,
    kafka: existingKafkaConnection(stack, config),
    adminSecret: new secretsmanager.Secret(stack, 'Admin'),
    vpcCidr: '10.42.0.0/16',
    logRemovalPolicy: RemovalPolicy.DESTROY,
  });
  return Template.fromStack(stack);
}

function secretsOf(t: Template): Record<string, unknown> {
  const [def] = Object.values(t.findResources('AWS::ECS::TaskDefinition'));
  return Object.fromEntries(
    def.Properties.ContainerDefinitions[0].Secrets.map((s: { Name: string; ValueFrom: unknown }) => [s.Name, s.ValueFrom]),
  );
}

function executionRoleStatements(t: Template): Record<string, any>[] {
  const [, policy] = Object.entries(t.findResources('AWS::IAM::Policy')).find(([id]) => id.includes('ExecutionRole'))!;
  return policy.Properties.PolicyDocument.Statement;
}

describe('SCRAM with a customer managed key', () => {
  const t = taskTemplate({
    auth: 'scram',
    bootstrapServers: 'b-1.kafka.internal:9096',
    scramSecretArn: SCRAM_SECRET,
    scramSecretKmsKeyArn: SCRAM_KEY,
  });

  test('the login is injected as task secrets only', () => {
    expect(secretsOf(t)).toMatchObject({
      [contract.secrets.scramUsername]: `${SCRAM_SECRET}:username::`,
      [contract.secrets.scramPassword]: `${SCRAM_SECRET}:password::`,
    });
  });

  test('the execution role may decrypt with the key, only through Secrets Manager in its Region', () => {
    const decrypt = executionRoleStatements(t).filter((s) => [s.Action].flat().includes('kms:Decrypt'));
    expect(decrypt).toEqual([
      {
        Sid: 'DecryptKafkaSecrets',
        Effect: 'Allow',
        Action: 'kms:Decrypt',
        Resource: SCRAM_KEY,
        Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.eu-west-1.amazonaws.com' } },
      },
    ]);
  });

  test('the execution role reads the SCRAM secret besides the admin secret', () => {
    const reads = executionRoleStatements(t).filter((s) => [s.Action].flat().includes('secretsmanager:GetSecretValue'));
    expect(JSON.stringify(reads)).toContain(SCRAM_SECRET);
  });
});

describe('mutual TLS from one secret encrypted with a customer managed key', () => {
  const t = taskTemplate({
    auth: 'tls',
    bootstrapServers: 'b-1.kafka.internal:9094',
    tls: { secretArn: TLS_SECRET, truststore: true, clientCertificate: true, secretKmsKeyArn: TLS_KEY },
  });

  test('each store and password field becomes one task secret', () => {
    const s = contract.secrets;
    expect(secretsOf(t)).toMatchObject({
      [s.tlsTruststore]: `${TLS_SECRET}:${TLS_SECRET_FIELDS.truststore}::`,
      [s.tlsTruststorePassword]: `${TLS_SECRET}:${TLS_SECRET_FIELDS.truststorePassword}::`,
      [s.tlsKeystore]: `${TLS_SECRET}:${TLS_SECRET_FIELDS.keystore}::`,
      [s.tlsKeystorePassword]: `${TLS_SECRET}:${TLS_SECRET_FIELDS.keystorePassword}::`,
    });
    expect(Object.keys(secretsOf(t))).not.toContain(s.scramPassword);
  });

  test('kms:Decrypt on the TLS secret key via Secrets Manager', () => {
    const decrypt = executionRoleStatements(t).filter((s) => [s.Action].flat().includes('kms:Decrypt'));
    expect(decrypt).toEqual([expect.objectContaining({ Resource: TLS_KEY })]);
    expect(decrypt[0].Condition).toEqual({ StringEquals: { 'kms:ViaService': 'secretsmanager.eu-west-1.amazonaws.com' } });
  });
});

test('a trust store only (private CA) adds no key store and no KMS grant for the default key', () => {
  const t = taskTemplate({ auth: 'tls', bootstrapServers: 'b-1.kafka.internal:9094', tls: { secretArn: TLS_SECRET, truststore: true } });
  const names = Object.keys(secretsOf(t));
  expect(names).toEqual(expect.arrayContaining([contract.secrets.tlsTruststore, contract.secrets.tlsTruststorePassword]));
  expect(names).not.toContain(contract.secrets.tlsKeystore);
  expect(JSON.stringify(executionRoleStatements(t))).not.toContain('kms:');
});

test('SCRAM and a private CA with two keys: one statement, both keys, still only via Secrets Manager', () => {
  const t = taskTemplate({
    auth: 'scram',
    bootstrapServers: 'b-1.kafka.internal:9096',
    scramSecretArn: SCRAM_SECRET,
    scramSecretKmsKeyArn: SCRAM_KEY,
    tls: { secretArn: TLS_SECRET, truststore: true, secretKmsKeyArn: TLS_KEY },
  });
  const decrypt = executionRoleStatements(t).filter((s) => [s.Action].flat().includes('kms:Decrypt'));
  expect(decrypt).toHaveLength(1);
  expect(decrypt[0].Resource).toEqual([SCRAM_KEY, TLS_KEY]);
  expect(decrypt[0].Condition).toEqual({ StringEquals: { 'kms:ViaService': 'secretsmanager.eu-west-1.amazonaws.com' } });
});
