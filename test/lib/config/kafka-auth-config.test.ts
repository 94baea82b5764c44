import { type EnvironmentConfig, ENVIRONMENTS, type ExistingKafkaConfig, collectConfigProblems } from '../../../lib/config';
import { configWith } from '../stacks/stage-fixture';

const SECRET = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:AmazonMSK_registry-AbCdEf';
const KEY = 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const TLS_SECRET = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:kafka/registry-tls-AbCdEf';

function existing(kafka: Partial<ExistingKafkaConfig>): EnvironmentConfig {
  return {
    ...ENVIRONMENTS.dev,
    kafka: {
      mode: 'existing',
      bootstrapServers: 'b-1.example:9096',
      topic: '_schemas',
      groupId: 'sr',
      replicationFactor: 3,
      auth: 'scram',
      ...kafka,
    } as ExistingKafkaConfig,
  };
}

describe('kafka.auth scram', () => {
  test('a complete SCRAM setup is valid', () => {
    expect(collectConfigProblems(existing({ scramSecretArn: SECRET, scramSecretKmsKeyArn: KEY }))).toEqual([]);
  });

  test('without the KMS key: the message says MSK needs a customer managed key and which ARN to give', () => {
    expect(collectConfigProblems(existing({ scramSecretArn: SECRET }))).toEqual([
      "kafka.scramSecretKmsKeyArn: required when kafka.auth is 'scram': MSK only accepts SCRAM secrets encrypted with a customer " +
        "managed KMS key; give that key's ARN (arn:aws:kms:<region>:<account>:key/<key id>) so the task execution role may decrypt the secret",
    ]);
  });

  test.each([
    ['arn:aws:kms:eu-west-1:123456789012:alias/msk-scram', 'is an alias ARN; use the key ARN'],
    ['1234abcd-12ab-34cd-56ef-1234567890ab', 'is not a KMS key ARN (arn:aws:kms:<region>:<account>:key/<key id>)'],
    ['arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab', 'the key is in us-east-1 but the secret in eu-west-1'],
  ])('key %s is refused: %s', (key, message) => {
    const [problem] = collectConfigProblems(existing({ scramSecretArn: SECRET, scramSecretKmsKeyArn: key }));
    expect(problem).toContain(`kafka.scramSecretKmsKeyArn: `);
    expect(problem).toContain(message);
  });

  test('a multi-Region key ARN is accepted', () => {
    const mrk = 'arn:aws:kms:eu-west-1:123456789012:key/mrk-1234abcd12ab34cd56ef1234567890ab';
    expect(collectConfigProblems(existing({ scramSecretArn: SECRET, scramSecretKmsKeyArn: mrk }))).toEqual([]);
  });

  test('SCRAM settings with another auth mode are called out', () => {
    const problems = collectConfigProblems(existing({ auth: 'tls', scramSecretArn: SECRET, scramSecretKmsKeyArn: KEY }));
    expect(problems).toEqual([
      "kafka.scramSecretArn: set but kafka.auth is 'tls'; remove it or use auth 'scram'",
      "kafka.scramSecretKmsKeyArn: set but kafka.auth is 'tls'; remove it or use auth 'scram'",
    ]);
  });
});

describe('kafka.tls', () => {
  test('mutual TLS with a private CA and a CMK-encrypted secret is valid', () => {
    const tls = { secretArn: TLS_SECRET, truststore: true, clientCertificate: true, secretKmsKeyArn: KEY };
    expect(collectConfigProblems(existing({ auth: 'tls', bootstrapServers: 'b-1.example:9094', tls }))).toEqual([]);
  });

  test('SCRAM may add a trust store', () => {
    const tls = { secretArn: TLS_SECRET, truststore: true };
    expect(collectConfigProblems(existing({ scramSecretArn: SECRET, scramSecretKmsKeyArn: KEY, tls }))).toEqual([]);
  });

  test('a client certificate with SCRAM is refused', () => {
    const tls = { secretArn: TLS_SECRET, clientCertificate: true };
    expect(collectConfigProblems(existing({ scramSecretArn: SECRET, scramSecretKmsKeyArn: KEY, tls }))).toEqual([
      "kafka.tls.clientCertificate: only with kafka.auth 'tls' (MSK mutual TLS on port 9094); SCRAM clients authenticate with the password",
    ]);
  });

  test('an empty tls block, a bad secret ARN and a bad key are each named', () => {
    const tls = { secretArn: 'registry-tls', secretKmsKeyArn: 'alias/x' };
    expect(collectConfigProblems(existing({ auth: 'tls', tls }))).toEqual([
      "kafka.tls.secretArn: 'registry-tls' is not a Secrets Manager secret ARN (arn:aws:secretsmanager:<region>:<account>:secret:<name>)",
      'kafka.tls: neither truststore nor clientCertificate is true; set the one(s) the secret holds, or remove kafka.tls to trust the JVM default CAs without a client certificate',
      "kafka.tls.secretKmsKeyArn: 'alias/x' is not a KMS key ARN (arn:aws:kms:<region>:<account>:key/<key id>)",
    ]);
  });

  test.each(['iam', 'plaintext'] as const)('key stores with auth %s are refused', (auth) => {
    const clusterArn = 'arn:aws:kafka:eu-west-1:123456789012:cluster/shared/0b1e2f3a-1111-2222-3333-444455556666-3';
    const problems = collectConfigProblems(existing({ auth, clusterArn, tls: { secretArn: TLS_SECRET, truststore: true } }));
    expect(problems).toEqual([
      `kafka.tls: set but kafka.auth is '${auth}'; key stores are used with auth 'tls' (or a trust store with 'scram')`,
    ]);
  });
});

describe('settings the app manages cannot come in through registry.extraProperties', () => {
  test.each([
    ['kafkastore.group.id', "set kafka.groupId instead: each node's reader group is <kafka.groupId>-<task IP>-<port>"],
    ['schema.registry.group.id', 'set kafka.groupId instead'],
    ['kafkastore.topic', 'set kafka.topic instead'],
    ['kafkastore.ssl.truststore.location', 'set kafka.tls instead'],
    ['kafkastore.config.providers', 'the entrypoint resolves key-store passwords from files; nothing to set'],
    ['kafkastore.security.protocol', 'set kafka.auth instead'],
  ])('%s names what to set instead', (property, hint) => {
    const problems = collectConfigProblems(configWith('dev', { registry: { extraProperties: { [property]: 'x' } } }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`registry.extraProperties['${property}']: is managed by the app; ${hint}`);
  });
});

test('prod cannot enable ECS Exec: its root filesystem is read-only (CT.ECS.PR.6)', () => {
  expect(collectConfigProblems(configWith('prod', { service: { enableExecuteCommand: true } }))).toEqual([
    'service.enableExecuteCommand: prod runs the container with a read-only root filesystem (Control Tower CT.ECS.PR.6), which ECS Exec does not support; set it to false',
  ]);
});
