import * as fs from 'node:fs';
import * as path from 'node:path';
import { filesContaining } from '../support/container-root';
import { cleanUpRuns, modeOf, runEntrypoint, type EntrypointRun } from '../support/run-entrypoint';
import { contract, expectNoSecretInOutput, injectedSecrets, SECRETS, taskDefinitionEnv } from '../support/fixtures';
import { jaasOptions } from '../support/java-text';

const MODE = contract.environment.kafkaAuthMode;

afterAll(cleanUpRuns);

describe('entrypoint: Kafka store authentication', () => {
  /** One SCRAM run, shared by the tests that only read its results. */
  let scram: EntrypointRun;
  beforeAll(async () => {
    scram = await runEntrypoint({ ...taskDefinitionEnv({ [MODE]: 'scram' }), ...injectedSecrets() });
  });

  test('iam: SASL_SSL with AWS_MSK_IAM, the IAM login module and callback handler', async () => {
    const run = await runEntrypoint({ ...taskDefinitionEnv({ [MODE]: 'iam' }), ...injectedSecrets() });

    expect(run.exitCode).toBe(0);
    expect(run.launcherEnv!.KAFKA_OPTS).toBeUndefined();
    expect(run.launcherEnv).toMatchObject({
      SCHEMA_REGISTRY_KAFKASTORE_SECURITY_PROTOCOL: 'SASL_SSL',
      SCHEMA_REGISTRY_KAFKASTORE_SASL_MECHANISM: 'AWS_MSK_IAM',
      SCHEMA_REGISTRY_KAFKASTORE_SASL_JAAS_CONFIG: 'software.amazon.msk.auth.iam.IAMLoginModule required;',
      SCHEMA_REGISTRY_KAFKASTORE_SASL_CLIENT_CALLBACK_HANDLER_CLASS: 'software.amazon.msk.auth.iam.IAMClientCallbackHandler',
    });
    expectNoSecretInOutput(run);
  });

  test('scram: SASL_SSL with SCRAM-SHA-512 from the JAAS file, no sasl.jaas.config property', () => {
    const run = scram;

    expect(run.exitCode).toBe(0);
    const env = run.launcherEnv!;
    expect(env.SCHEMA_REGISTRY_KAFKASTORE_SECURITY_PROTOCOL).toBe('SASL_SSL');
    expect(env.SCHEMA_REGISTRY_KAFKASTORE_SASL_MECHANISM).toBe('SCRAM-SHA-512');
    expect(env.SCHEMA_REGISTRY_KAFKASTORE_SASL_JAAS_CONFIG).toBeUndefined();
    expect(env.SCHEMA_REGISTRY_KAFKASTORE_SASL_CLIENT_CALLBACK_HANDLER_CLASS).toBeUndefined();
    expect(run.properties.admin).toContain('sasl.mechanism=SCRAM-SHA-512\n');
    expect(run.properties.admin).not.toContain('sasl.jaas.config');
    expectNoSecretInOutput(run);
  });

  test('scram: the credentials are only in jaas.conf (0600, KafkaClient section) and survive the JDK parser', () => {
    const run = scram;

    expect(run.exitCode).toBe(0);
    const jaasFile = path.join(run.configDir, 'jaas.conf');
    const jaas = fs.readFileSync(jaasFile, 'utf8');
    expect(jaas).toMatch(/^KafkaClient \{\n {2}org\.apache\.kafka\.common\.security\.scram\.ScramLoginModule required\n/);
    expect(jaasOptions(jaas)).toEqual({ username: SECRETS.scramUsername, password: SECRETS.scramPassword });
    expect(modeOf(jaasFile)).toBe(0o600);
    expect(modeOf(run.configDir)).toBe(0o700);
    const relative = path.relative(run.container.root, jaasFile);
    for (const secret of ['LEAKMARKpw', 'LEAKMARKuser']) {
      expect(filesContaining(run.container.root, secret)).toEqual([relative]);
    }
  });

  test('scram: the password is in no process environment and no properties file', () => {
    const run = scram;

    expect(run.exitCode).toBe(0);
    // The launcher's environment is what both JVMs (server and `ub kafka-ready`) inherit.
    expect(JSON.stringify(run.launcherEnv)).not.toContain('LEAKMARK');
    expect(run.properties.schemaRegistry).toBeDefined();
    expect(run.properties.schemaRegistry).not.toContain('LEAKMARK');
    expect(run.properties.admin).not.toContain('LEAKMARK');
  });

  test('scram: both JVMs get the JAAS file; KAFKA_OPTS is the one option ub passes as a single argument', async () => {
    const run = await runEntrypoint({
      ...taskDefinitionEnv({ [MODE]: 'scram', SCHEMA_REGISTRY_OPTS: '-XX:+UseG1GC' }),
      ...injectedSecrets(),
    });

    expect(run.exitCode).toBe(0);
    const option = `-Djava.security.auth.login.config=${path.join(run.configDir, 'jaas.conf')}`;
    expect(run.launcherEnv!.SCHEMA_REGISTRY_OPTS).toBe(`-XX:+UseG1GC ${option}`);
    expect(run.launcherEnv!.KAFKA_OPTS).toBe(option);
    expect(run.launcherEnv!.KAFKA_OPTS).not.toMatch(/\s/);
  });

  test('scram with basic auth: one JAAS file holds the realm and the KafkaClient section', async () => {
    const run = await runEntrypoint({
      ...taskDefinitionEnv({ [MODE]: 'scram', [contract.environment.basicAuthEnabled]: 'true' }),
      ...injectedSecrets(),
    });

    expect(run.exitCode).toBe(0);
    const jaas = fs.readFileSync(path.join(run.configDir, 'jaas.conf'), 'utf8');
    expect(jaas.match(/^\S+ \{$/gm)).toEqual(['KafkaClient {', 'SchemaRegistry-Props {']);
    expect(run.launcherEnv!.SCHEMA_REGISTRY_OPTS.match(/java\.security\.auth\.login\.config/g)).toHaveLength(1);
  });

  test.each([contract.secrets.scramUsername, contract.secrets.scramPassword])(
    "scram: %s containing '${' is refused (the JDK would expand it as a system property)",
    async (name) => {
      const run = await runEntrypoint({ ...taskDefinitionEnv({ [MODE]: 'scram' }), ...injectedSecrets(), [name]: 'LEAKMARK${user.home}' });

      expect(run.exitCode).not.toBe(0);
      expect(run.stderr).toContain(`${name} must not contain '\${'`);
      expect(run.launcherEnv).toBeUndefined();
      expectNoSecretInOutput(run);
    },
  );

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
