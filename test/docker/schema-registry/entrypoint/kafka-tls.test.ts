import * as fs from 'node:fs';
import * as path from 'node:path';
import { filesContaining } from '../support/container-root';
import { contract, expectNoSecretInOutput, injectedSecrets, SECRETS, STORES, taskDefinitionEnv, tlsSecrets } from '../support/fixtures';
import { propertiesUnescape } from '../support/java-text';
import { cleanUpRuns, modeOf, runEntrypoint, type EntrypointRun } from '../support/run-entrypoint';

const MODE = contract.environment.kafkaAuthMode;
const s = contract.secrets;

/** admin.properties (what `ub kafka-ready` reads) as a map. */
function adminProperties(run: EntrypointRun): Record<string, string> {
  return Object.fromEntries(
    run.properties
      .admin!.trimEnd()
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

/** kafka-tls.properties as FileConfigProvider (java.util.Properties) reads it. */
function storePasswords(run: EntrypointRun): Record<string, string> {
  const text = fs.readFileSync(path.join(run.configDir, 'kafka-tls.properties'), 'utf8');
  // Trailing spaces are part of a value; only the final line break ends the file.
  return Object.fromEntries(
    text
      .replace(/\n$/, '')
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf('=')), propertiesUnescape(line.slice(line.indexOf('=') + 1))]),
  );
}

afterAll(cleanUpRuns);

describe('entrypoint: Kafka TLS key stores', () => {
  /** One mutual-TLS run, shared by the tests that only read its results. */
  let mtls: EntrypointRun;
  beforeAll(async () => {
    mtls = await runEntrypoint({ ...taskDefinitionEnv({ [MODE]: 'tls' }), ...tlsSecrets() });
  });

  test('tls without stores: SSL with the JVM default trust, no ssl.* settings, no files', async () => {
    const run = await runEntrypoint(taskDefinitionEnv({ [MODE]: 'tls', SCHEMA_REGISTRY_KAFKASTORE_SSL_KEYSTORE_PASSWORD: 'stale' }));

    expect(run.exitCode).toBe(0);
    expect(adminProperties(run)['security.protocol']).toBe('SSL');
    expect(Object.keys(adminProperties(run)).filter((k) => k.startsWith('ssl.') || k.startsWith('config.providers'))).toEqual([]);
    expect(fs.readdirSync(run.configDir)).toEqual([]);
    expect(run.stderr).toContain("TLS trust from the JVM's default CA certificates");
  });

  test('mutual TLS: truststore and keystore written 0600 byte for byte, passwords only in kafka-tls.properties', () => {
    const run = mtls;

    expect(run.exitCode).toBe(0);
    for (const [name, bytes] of Object.entries(STORES)) {
      const file = path.join(run.configDir, `kafka.${name}`);
      expect(fs.readFileSync(file)).toEqual(bytes);
      expect(modeOf(file)).toBe(0o600);
    }
    const passwords = path.join(run.configDir, 'kafka-tls.properties');
    expect(modeOf(passwords)).toBe(0o600);
    expect(storePasswords(run)).toEqual({
      'truststore.password': SECRETS.tlsTruststorePassword,
      'keystore.password': SECRETS.tlsKeystorePassword,
    });
    expect(modeOf(run.configDir)).toBe(0o700);
    expect(filesContaining(run.container.root, 'LEAKMARKpw')).toEqual([path.relative(run.container.root, passwords)]);
    expectNoSecretInOutput(run);
  });

  test('mutual TLS: the clients read ${file:...} references through the FileConfigProvider, confined to the secrets directory', () => {
    const run = mtls;

    expect(run.exitCode).toBe(0);
    const passwords = path.join(run.configDir, 'kafka-tls.properties');
    // admin.properties is what `ub kafka-ready` reads; the server gets the same keys with kafkastore.
    expect(adminProperties(run)).toMatchObject({
      'security.protocol': 'SSL',
      'config.providers': 'file',
      'config.providers.file.class': 'org.apache.kafka.common.config.provider.FileConfigProvider',
      'config.providers.file.param.allowed.paths': run.configDir,
      'ssl.truststore.location': path.join(run.configDir, 'kafka.truststore'),
      'ssl.truststore.type': 'PKCS12',
      'ssl.truststore.password': `\${file:${passwords}:truststore.password}`,
      'ssl.keystore.location': path.join(run.configDir, 'kafka.keystore'),
      'ssl.keystore.type': 'PKCS12',
      'ssl.keystore.password': `\${file:${passwords}:keystore.password}`,
    });
    expect(run.properties.schemaRegistry).toContain(`kafkastore.ssl.keystore.password=\${file:${passwords}:keystore.password}\n`);
    expect(run.properties.schemaRegistry).toContain('kafkastore.config.providers=file\n');
  });

  test('no store or password reaches a process environment or a properties file', () => {
    const run = mtls;

    expect(run.exitCode).toBe(0);
    const leaks = [...Object.values(tlsSecrets()), 'LEAKMARK'];
    for (const text of [JSON.stringify(run.launcherEnv), run.properties.schemaRegistry!, run.properties.admin!]) {
      for (const leak of leaks) expect(text).not.toContain(leak);
    }
    for (const name of Object.values(s)) expect(run.launcherEnv![name]).toBeUndefined();
  });

  test('server-authenticated TLS with a private CA: truststore only', async () => {
    const run = await runEntrypoint({ ...taskDefinitionEnv({ [MODE]: 'tls' }), ...tlsSecrets({ truststore: true }) });

    expect(run.exitCode).toBe(0);
    expect(fs.readdirSync(run.configDir).sort()).toEqual(['kafka-tls.properties', 'kafka.truststore']);
    expect(Object.keys(adminProperties(run)).filter((k) => k.startsWith('ssl.keystore'))).toEqual([]);
    expect(storePasswords(run)).toEqual({ 'truststore.password': SECRETS.tlsTruststorePassword });
  });

  test('scram may trust a private CA too', async () => {
    const run = await runEntrypoint({
      ...taskDefinitionEnv({ [MODE]: 'scram' }),
      ...injectedSecrets(),
      ...tlsSecrets({ truststore: true }),
    });

    expect(run.exitCode).toBe(0);
    expect(adminProperties(run)).toMatchObject({ 'security.protocol': 'SASL_SSL', 'ssl.truststore.type': 'PKCS12' });
    expect(fs.readdirSync(run.configDir).sort()).toEqual(['jaas.conf', 'kafka-tls.properties', 'kafka.truststore']);
  });

  test('scram refuses a client keystore (that is tls authentication)', async () => {
    const run = await runEntrypoint({ ...taskDefinitionEnv({ [MODE]: 'scram' }), ...injectedSecrets(), ...tlsSecrets() });

    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toContain(`${s.tlsKeystore} is only used with ${MODE}=tls`);
    expectNoSecretInOutput(run);
  });

  test.each(['iam', 'plaintext'])('%s refuses key stores instead of ignoring them', async (mode) => {
    const run = await runEntrypoint({ ...taskDefinitionEnv({ [MODE]: mode }), ...tlsSecrets({ truststore: true }) });

    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toContain(`${s.tlsTruststore} is set but ${MODE}=${mode} does not use it`);
  });

  test.each([
    [s.tlsTruststorePassword, `${s.tlsTruststorePassword} is required when ${s.tlsTruststore} is set`],
    [s.tlsKeystorePassword, `${s.tlsKeystorePassword} is required when ${s.tlsKeystore} is set`],
    [s.tlsTruststore, `${s.tlsTruststorePassword} is set but ${s.tlsTruststore} is not`],
  ])('without %s the run fails with a clear message', async (missing, message) => {
    const env = { ...taskDefinitionEnv({ [MODE]: 'tls' }), ...tlsSecrets() };
    delete env[missing];
    const run = await runEntrypoint(env);

    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toContain(message);
    expect(run.launcherEnv).toBeUndefined();
    expectNoSecretInOutput(run);
  });

  test('a store that is not base64 is refused and nothing is left behind', async () => {
    const run = await runEntrypoint({ ...taskDefinitionEnv({ [MODE]: 'tls' }), ...tlsSecrets(), [s.tlsKeystore]: 'LEAKMARK%%not-base64' });

    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toContain(`${s.tlsKeystore} is not valid base64`);
    expect(fs.existsSync(path.join(run.configDir, 'kafka.keystore'))).toBe(false);
    expectNoSecretInOutput(run);
  });

  test('a store password with a line break is refused without printing it', async () => {
    const run = await runEntrypoint({ ...taskDefinitionEnv({ [MODE]: 'tls' }), ...tlsSecrets(), [s.tlsKeystorePassword]: 'LEAKMARK\nx' });

    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toContain(`${s.tlsKeystorePassword} must contain printable ASCII characters only`);
    expectNoSecretInOutput(run);
  });

  test('a plain-text password passed as SCHEMA_REGISTRY_* is refused before it reaches a properties file', async () => {
    const run = await runEntrypoint(taskDefinitionEnv({ [MODE]: 'plaintext', SCHEMA_REGISTRY_SSL_KEYSTORE_PASSWORD: 'LEAKMARK' }));

    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toContain('SCHEMA_REGISTRY_SSL_KEYSTORE_PASSWORD would be written into schema-registry.properties in plain text');
    expect(run.launcherEnv).toBeUndefined();
    expectNoSecretInOutput(run);
  });
});
