import * as fs from 'node:fs';
import * as path from 'node:path';
import { cleanUpRuns, modeOf, runEntrypoint } from '../support/run-entrypoint';
import { contract, expectNoSecretInOutput, injectedSecrets, SECRETS, taskDefinitionEnv } from '../support/fixtures';
import { propertiesUnescape } from '../support/java-text';

const e = contract.environment;
const s = contract.secrets;

function basicAuthEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return { ...taskDefinitionEnv({ [e.kafkaAuthMode]: 'iam', [e.basicAuthEnabled]: 'true' }), ...injectedSecrets(), ...overrides };
}

/** Parses `user: password,role,...` the way Jetty's PropertyUserStore does (Properties, then first comma). */
function parsePasswordFile(text: string): { user: string; password: string; roles: string[] } {
  const line = text.trimEnd();
  expect(line.split('\n')).toHaveLength(1);
  const separator = line.indexOf(': ');
  const user = line.slice(0, separator);
  const [password, ...roles] = propertiesUnescape(line.slice(separator + 2)).split(',');
  return { user, password, roles };
}

afterAll(cleanUpRuns);

describe('entrypoint: HTTP basic authentication', () => {
  test.each([
    ['8.0.4', 'org.eclipse.jetty.security.jaas.spi.PropertyFileLoginModule'],
    ['8.1.1', 'org.eclipse.jetty.security.jaas.spi.PropertyFileLoginModule'],
    ['7.9.1', 'org.eclipse.jetty.jaas.spi.PropertyFileLoginModule'],
    ['7.4.0', 'org.eclipse.jetty.jaas.spi.PropertyFileLoginModule'],
  ])('CP %s: JAAS file uses %s and points at the password file', async (cpVersion, loginModule) => {
    const run = await runEntrypoint(basicAuthEnv({ SR_CP_VERSION: cpVersion }));

    expect(run.exitCode).toBe(0);
    const jaas = fs.readFileSync(path.join(run.configDir, 'jaas.conf'), 'utf8');
    expect(jaas).toBe(
      [
        'SchemaRegistry-Props {',
        `  ${loginModule} required`,
        `  file="${path.join(run.configDir, 'password.properties')}"`,
        '  debug="false";',
        '};',
        '',
      ].join('\n'),
    );
  });

  test('writes the password file and both files owner-only (0600, directory 0700)', async () => {
    const run = await runEntrypoint(basicAuthEnv({ [e.basicAuthRoles]: 'admin,developer' }));

    expect(run.exitCode).toBe(0);
    const passwordFile = path.join(run.configDir, 'password.properties');
    expect(parsePasswordFile(fs.readFileSync(passwordFile, 'utf8'))).toEqual({
      user: SECRETS.adminUsername,
      password: SECRETS.adminPassword,
      roles: ['admin', 'developer'],
    });
    expect(modeOf(passwordFile)).toBe(0o600);
    expect(modeOf(path.join(run.configDir, 'jaas.conf'))).toBe(0o600);
    expect(modeOf(run.configDir)).toBe(0o700);
    expectNoSecretInOutput(run);
  });

  test('sets method, realm, roles, the root-only skip path and the JAAS option, keeping existing JVM options', async () => {
    const run = await runEntrypoint(basicAuthEnv({ [e.basicAuthRoles]: 'admin,developer', SCHEMA_REGISTRY_OPTS: '-XX:+UseG1GC' }));

    expect(run.exitCode).toBe(0);
    expect(run.launcherEnv).toMatchObject({
      SCHEMA_REGISTRY_AUTHENTICATION_METHOD: 'BASIC',
      SCHEMA_REGISTRY_AUTHENTICATION_REALM: 'SchemaRegistry-Props',
      SCHEMA_REGISTRY_AUTHENTICATION_ROLES: 'admin,developer',
      // rest-utils parses this list as [""], Jetty's path spec for exactly "/".
      SCHEMA_REGISTRY_AUTHENTICATION_SKIP_PATHS: ',',
      SCHEMA_REGISTRY_OPTS: `-XX:+UseG1GC -Djava.security.auth.login.config=${path.join(run.configDir, 'jaas.conf')}`,
    });
    for (const name of Object.values(s)) expect(run.launcherEnv![name]).toBeUndefined();
    expectNoSecretInOutput(run);
  });

  test('roles default to admin and the realm can be renamed', async () => {
    const env = basicAuthEnv({ SR_BASIC_AUTH_REALM: 'Registry-Prod' });
    delete env[e.basicAuthRoles];
    const run = await runEntrypoint(env);

    expect(run.exitCode).toBe(0);
    expect(run.launcherEnv!.SCHEMA_REGISTRY_AUTHENTICATION_ROLES).toBe('admin');
    expect(run.launcherEnv!.SCHEMA_REGISTRY_AUTHENTICATION_REALM).toBe('Registry-Prod');
    expect(fs.readFileSync(path.join(run.configDir, 'jaas.conf'), 'utf8')).toMatch(/^Registry-Prod \{\n/);
  });

  test.each(contract.kafkaAuthModes)('works together with Kafka auth mode %s', async (mode) => {
    const run = await runEntrypoint(basicAuthEnv({ [e.kafkaAuthMode]: mode }));

    expect(run.exitCode).toBe(0);
    expect(run.launcherEnv!.SCHEMA_REGISTRY_AUTHENTICATION_METHOD).toBe('BASIC');
    expect(fs.existsSync(path.join(run.configDir, 'password.properties'))).toBe(true);
    expectNoSecretInOutput(run);
  });

  test.each(contract.kafkaAuthModes)('off: no realm, no password file, no authentication settings (Kafka auth mode %s)', async (mode) => {
    const run = await runEntrypoint({ ...taskDefinitionEnv({ [e.kafkaAuthMode]: mode }), ...injectedSecrets() });

    expect(run.exitCode).toBe(0);
    expect(fs.existsSync(path.join(run.configDir, 'password.properties'))).toBe(false);
    const jaasFile = path.join(run.configDir, 'jaas.conf');
    // Only SCRAM needs a JAAS file without basic auth (its KafkaClient section).
    expect(fs.existsSync(jaasFile)).toBe(mode === 'scram');
    if (mode === 'scram') expect(fs.readFileSync(jaasFile, 'utf8')).not.toContain('SchemaRegistry-Props');
    expect(Object.keys(run.launcherEnv!).filter((k) => k.startsWith('SCHEMA_REGISTRY_AUTHENTICATION_'))).toEqual([]);
    expect(run.launcherEnv!.SCHEMA_REGISTRY_OPTS === undefined).toBe(mode !== 'scram');
    expect(run.stderr).toContain('basic auth: off');
    expectNoSecretInOutput(run);
  });

  test.each([s.adminUsername, s.adminPassword])('on without %s fails naming the variable', async (missing) => {
    const env = basicAuthEnv();
    delete env[missing];
    const run = await runEntrypoint(env);

    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toContain(`${missing} is required when ${e.basicAuthEnabled}=true`);
    expect(run.launcherEnv).toBeUndefined();
    expectNoSecretInOutput(run);
  });

  test.each([
    ['a comma', 'LEAKMARK,pw', 'must not contain commas'],
    ['a line break', 'LEAKMARK\npw', 'must contain printable ASCII characters only'],
    ['a non-ASCII character', 'LEAKMARK-pässword', 'must contain printable ASCII characters only'],
    ['a leading space', ' LEAKMARK', 'must not start or end with a space'],
  ])('a password with %s is refused without printing it', async (_what, password, message) => {
    const run = await runEntrypoint(basicAuthEnv({ [s.adminPassword]: password }));

    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toContain(`${s.adminPassword} ${message}`);
    expect(fs.existsSync(path.join(run.configDir, 'password.properties'))).toBe(false);
    expectNoSecretInOutput(run);
  });

  test('a user name Jetty cannot store is refused', async () => {
    const run = await runEntrypoint(basicAuthEnv({ [s.adminUsername]: 'admin:root' }));

    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toContain(`${s.adminUsername} may only contain letters, digits and . _ @ -`);
  });

  test.each([
    [e.basicAuthEnabled, 'yes', `${e.basicAuthEnabled}='yes' is not valid (use true or false)`],
    [e.basicAuthRoles, 'admin, developer', `${e.basicAuthRoles}='admin, developer' must be a comma-separated list`],
    ['SR_BASIC_AUTH_REALM', 'My Realm', "SR_BASIC_AUTH_REALM='My Realm' may only contain"],
    ['SR_CP_VERSION', 'latest', "SR_CP_VERSION='latest' is not a Confluent Platform version"],
  ])('%s=%s is refused with a clear message', async (name, value, message) => {
    const run = await runEntrypoint(basicAuthEnv({ [name]: value }));

    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toContain(message);
  });

  test('an unwritable config directory is reported', async () => {
    const run = await runEntrypoint(basicAuthEnv({ SR_CONFIG_DIR: '/proc/sr-entrypoint-test/secrets' }));

    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toContain('cannot create /proc/sr-entrypoint-test/secrets');
  });
});
