import { cleanUpRuns, runEntrypoint } from '../support/run-entrypoint';
import { contract, expectNoSecretInOutput, injectedSecrets, SECRETS, taskDefinitionEnv } from '../support/fixtures';
import { jaasOptions, propertiesUnescape } from '../support/java-text';

const MODE = contract.environment.kafkaAuthMode;

afterAll(cleanUpRuns);

describe('entrypoint: Kafka store authentication', () => {
  test('iam: SASL_SSL with AWS_MSK_IAM, the IAM login module and callback handler', async () => {
    const run = await runEntrypoint({ ...taskDefinitionEnv({ [MODE]: 'iam' }), ...injectedSecrets() });

    expect(run.exitCode).toBe(0);
    expect(run.launcherEnv).toMatchObject({
      SCHEMA_REGISTRY_KAFKASTORE_SECURITY_PROTOCOL: 'SASL_SSL',
      SCHEMA_REGISTRY_KAFKASTORE_SASL_MECHANISM: 'AWS_MSK_IAM',
      SCHEMA_REGISTRY_KAFKASTORE_SASL_JAAS_CONFIG: 'software.amazon.msk.auth.iam.IAMLoginModule required;',
      SCHEMA_REGISTRY_KAFKASTORE_SASL_CLIENT_CALLBACK_HANDLER_CLASS: 'software.amazon.msk.auth.iam.IAMClientCallbackHandler',
    });
    expectNoSecretInOutput(run);
  });

  test('scram: SASL_SSL with SCRAM-SHA-512 and credentials that survive .properties and JAAS parsing', async () => {
    const run = await runEntrypoint({ ...taskDefinitionEnv({ [MODE]: 'scram' }), ...injectedSecrets() });

    expect(run.exitCode).toBe(0);
    const env = run.launcherEnv!;
    expect(env.SCHEMA_REGISTRY_KAFKASTORE_SECURITY_PROTOCOL).toBe('SASL_SSL');
    expect(env.SCHEMA_REGISTRY_KAFKASTORE_SASL_MECHANISM).toBe('SCRAM-SHA-512');
    expect(env.SCHEMA_REGISTRY_KAFKASTORE_SASL_CLIENT_CALLBACK_HANDLER_CLASS).toBeUndefined();

    // The launcher writes the value verbatim into schema-registry.properties and admin.properties.
    const jaas = propertiesUnescape(env.SCHEMA_REGISTRY_KAFKASTORE_SASL_JAAS_CONFIG);
    expect(jaas).toMatch(/^org\.apache\.kafka\.common\.security\.scram\.ScramLoginModule required username=".*" password=".*";$/);
    expect(jaasOptions(jaas)).toEqual({ username: SECRETS.scramUsername, password: SECRETS.scramPassword });
    expectNoSecretInOutput(run);
  });

  test('tls: SSL and no SASL settings, even if some were passed in', async () => {
    const run = await runEntrypoint({
      ...taskDefinitionEnv({
        [MODE]: 'tls',
        SCHEMA_REGISTRY_KAFKASTORE_SASL_MECHANISM: 'PLAIN',
        SCHEMA_REGISTRY_KAFKASTORE_SASL_JAAS_CONFIG: 'stale',
      }),
    });

    expect(run.exitCode).toBe(0);
    expect(run.launcherEnv!.SCHEMA_REGISTRY_KAFKASTORE_SECURITY_PROTOCOL).toBe('SSL');
    expect(Object.keys(run.launcherEnv!).filter((k) => k.startsWith('SCHEMA_REGISTRY_KAFKASTORE_SASL_'))).toEqual([]);
  });

  test('plaintext: PLAINTEXT and no SASL settings', async () => {
    const run = await runEntrypoint(taskDefinitionEnv({ [MODE]: 'plaintext' }));

    expect(run.exitCode).toBe(0);
    expect(run.launcherEnv!.SCHEMA_REGISTRY_KAFKASTORE_SECURITY_PROTOCOL).toBe('PLAINTEXT');
    expect(Object.keys(run.launcherEnv!).filter((k) => k.startsWith('SCHEMA_REGISTRY_KAFKASTORE_SASL_'))).toEqual([]);
  });

  test('passes the task-definition settings through unchanged and drops every injected secret', async () => {
    const input = { ...taskDefinitionEnv({ [MODE]: 'scram' }), ...injectedSecrets() };
    const run = await runEntrypoint(input);

    expect(run.exitCode).toBe(0);
    const e = contract.environment;
    for (const name of [e.bootstrapServers, e.topic, e.groupId, e.replicationFactor, e.listeners, e.heapOpts]) {
      expect(run.launcherEnv![name]).toBe(input[name]);
    }
    for (const name of Object.values(contract.secrets)) {
      expect(run.launcherEnv![name]).toBeUndefined();
    }
  });

  test('defaults the listener to the contract port when none is set', async () => {
    const env = taskDefinitionEnv({ [MODE]: 'plaintext' });
    delete env[contract.environment.listeners];
    const run = await runEntrypoint(env);

    expect(run.exitCode).toBe(0);
    expect(run.launcherEnv!.SCHEMA_REGISTRY_LISTENERS).toBe(`http://0.0.0.0:${contract.port}`);
  });

  test.each([
    ['scram', contract.secrets.scramUsername],
    ['scram', contract.secrets.scramPassword],
  ])('%s without %s fails naming the variable', async (mode, missing) => {
    const env = { ...taskDefinitionEnv({ [MODE]: mode }), ...injectedSecrets() };
    delete env[missing];
    const run = await runEntrypoint(env);

    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toContain(`${missing} is required when ${MODE}=scram`);
    expect(run.launcherEnv).toBeUndefined();
    expectNoSecretInOutput(run);
  });

  test('a SCRAM password with a line break is refused without printing it', async () => {
    const run = await runEntrypoint({
      ...taskDefinitionEnv({ [MODE]: 'scram' }),
      ...injectedSecrets(),
      [contract.secrets.scramPassword]: 'LEAKMARK\nsecond-line',
    });

    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toContain(`${contract.secrets.scramPassword} must contain printable ASCII characters only`);
    expectNoSecretInOutput(run);
  });

  test('an unknown mode fails listing the supported ones', async () => {
    const run = await runEntrypoint(taskDefinitionEnv({ [MODE]: 'sasl_plain' }));

    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toContain(`${MODE}='sasl_plain' is not supported (use one of: ${contract.kafkaAuthModes.join(', ')})`);
    expect(run.launcherEnv).toBeUndefined();
  });

  test('a missing mode fails naming the variable', async () => {
    const env = taskDefinitionEnv();
    delete env[MODE];
    const run = await runEntrypoint(env);

    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toContain(`${MODE} is required`);
  });

  test('missing bootstrap servers fail before anything else', async () => {
    const env = taskDefinitionEnv({ [MODE]: 'iam' });
    delete env[contract.environment.bootstrapServers];
    const run = await runEntrypoint(env);

    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toContain(`${contract.environment.bootstrapServers} is required`);
  });

  test('a non-numeric replication factor is refused', async () => {
    const run = await runEntrypoint(taskDefinitionEnv({ [MODE]: 'iam', [contract.environment.replicationFactor]: 'three' }));

    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toContain(`${contract.environment.replicationFactor}='three' must be a whole number`);
  });
});
