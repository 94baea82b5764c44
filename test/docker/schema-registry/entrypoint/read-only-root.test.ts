import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { inWritableVolume } from '../support/container-root';
import { contract, injectedSecrets, taskDefinitionEnv, tlsSecrets } from '../support/fixtures';
import { ENTRYPOINT_PARTS_DIR } from '../support/paths';
import { cleanUpRuns, PERMISSIONS_ENFORCED, runEntrypoint } from '../support/run-entrypoint';

const e = contract.environment;
const shells = (['sh', 'bash'] as const).filter((shell) => spawnSync(shell, ['-c', 'true']).status === 0);

/** Name, environment, and the secret files the setup must produce. */
const setups: [string, Record<string, string>, string[]][] = [
  [
    'iam with basic auth',
    { ...taskDefinitionEnv({ [e.kafkaAuthMode]: 'iam', [e.basicAuthEnabled]: 'true' }), ...injectedSecrets() },
    ['jaas.conf', 'password.properties'],
  ],
  [
    'scram with basic auth and a private CA',
    {
      ...taskDefinitionEnv({ [e.kafkaAuthMode]: 'scram', [e.basicAuthEnabled]: 'true' }),
      ...injectedSecrets(),
      ...tlsSecrets({ truststore: true }),
    },
    ['jaas.conf', 'password.properties', 'kafka-tls.properties', 'kafka.truststore'],
  ],
  [
    'mutual TLS',
    { ...taskDefinitionEnv({ [e.kafkaAuthMode]: 'tls' }), ...tlsSecrets() },
    ['kafka-tls.properties', 'kafka.truststore', 'kafka.keystore'],
  ],
];

afterAll(cleanUpRuns);

describe.each(shells)('entrypoint on a read-only root filesystem (%s)', (shell) => {
  test.each(setups)('%s: every file written lies in a declared writable volume', async (_name, env, secretFiles) => {
    const run = await runEntrypoint(env, { shell });

    expect(run.exitCode).toBe(0);
    // The secrets and what the emulated cp `configure` step renders into /etc/schema-registry.
    expect(run.written).toEqual(
      expect.arrayContaining([
        ...secretFiles.map((file) => `etc/schema-registry/secrets/${file}`),
        'etc/schema-registry/schema-registry.properties',
        'etc/schema-registry/admin.properties',
      ]),
    );
    expect(run.written.filter((file) => !inWritableVolume(file))).toEqual([]);
  });
});

(PERMISSIONS_ENFORCED ? test : test.skip)('the harness root really is read-only outside the volumes', async () => {
  const env = { ...taskDefinitionEnv({ [e.kafkaAuthMode]: 'scram' }), ...injectedSecrets() };
  const probe = await runEntrypoint(env);
  const outside = path.join(probe.container.root, 'etc', 'elsewhere');
  const run = await runEntrypoint({ ...env, SR_CONFIG_DIR: outside });

  expect(run.exitCode).not.toBe(0);
  expect(run.stderr).toContain(`cannot create ${outside}`);
});

test('the default secrets directory is the secrets volume', () => {
  const common = fs.readFileSync(path.join(ENTRYPOINT_PARTS_DIR, 'common.sh'), 'utf8');
  const defaultDir = /SECRETS_DIR=\$\{SR_CONFIG_DIR:-([^}]+)\}/.exec(common)![1];
  expect(defaultDir).toBe(contract.writableVolumes.secrets);
  expect(inWritableVolume(defaultDir.slice(1))).toBe(true);
});
