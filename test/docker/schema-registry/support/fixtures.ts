import * as fs from 'node:fs';
import { ENV_CONTRACT, type EnvContract } from './paths';
import type { EntrypointRun } from './run-entrypoint';

export const contract = JSON.parse(fs.readFileSync(ENV_CONTRACT, 'utf8')) as EnvContract;

/**
 * Secret values used by the tests. Each carries a plain marker (…LEAKMARK…) so a test can detect
 * the value in output even if it was printed escaped or in part; the rest exercises quoting.
 */
export const SECRETS = {
  scramUsername: 'sr-LEAKMARKuser-"q"',
  scramPassword: 'Sc\\ra"m-LEAKMARKpw-#!=:$`x',
  adminUsername: 'registry-admin',
  adminPassword: 'Ad\\m"in-LEAKMARKpw=#:$`y',
  // Leading space, backslash sequences and separators: all must survive java.util.Properties.
  tlsTruststorePassword: ' Tr\\ust\\u0041-LEAKMARKpw=#:!',
  tlsKeystorePassword: 'Ke\\y"st-LEAKMARKpw:=$`z ',
} as const;

/** Key-store bytes (not real stores: the entrypoint only moves them) with a marker and non-text bytes. */
export const STORES = {
  truststore: Buffer.concat([Buffer.from([0x30, 0x82, 0x00, 0xff]), Buffer.from('truststore-LEAKMARKstore'), Buffer.from([0x0a, 0x0d])]),
  keystore: Buffer.concat([Buffer.from([0x30, 0x82, 0x01, 0x00]), Buffer.from('keystore-LEAKMARKstore'), Buffer.from([0x00])]),
} as const;

/** The non-secret settings the task definition always sets (names from env-contract.json). */
export function taskDefinitionEnv(overrides: Record<string, string> = {}): Record<string, string> {
  const e = contract.environment;
  return {
    [e.bootstrapServers]: 'b-1.msk.example:9098,b-2.msk.example:9098',
    [e.topic]: '_schemas_prod',
    [e.groupId]: 'schema-registry-prod',
    [e.replicationFactor]: '3',
    [e.listeners]: `http://0.0.0.0:${contract.port}`,
    [e.heapOpts]: '-Xms2458m -Xmx2458m',
    [e.basicAuthEnabled]: 'false',
    SCHEMA_REGISTRY_HOST_NAME: '10.0.130.17',
    SR_CP_VERSION: '8.0.4',
    ...overrides,
  };
}

/** The secrets as the task definition injects them. */
export function injectedSecrets(): Record<string, string> {
  const s = contract.secrets;
  return {
    [s.scramUsername]: SECRETS.scramUsername,
    [s.scramPassword]: SECRETS.scramPassword,
    [s.adminUsername]: SECRETS.adminUsername,
    [s.adminPassword]: SECRETS.adminPassword,
  };
}

/** The Kafka TLS stores as the task definition injects them (base64 from Secrets Manager). */
export function tlsSecrets(
  which: { truststore?: boolean; keystore?: boolean } = { truststore: true, keystore: true },
): Record<string, string> {
  const s = contract.secrets;
  return {
    ...(which.truststore
      ? { [s.tlsTruststore]: STORES.truststore.toString('base64'), [s.tlsTruststorePassword]: SECRETS.tlsTruststorePassword }
      : {}),
    ...(which.keystore
      ? { [s.tlsKeystore]: STORES.keystore.toString('base64'), [s.tlsKeystorePassword]: SECRETS.tlsKeystorePassword }
      : {}),
  };
}

/** Fails if the marker of any secret shows up on stdout or stderr. */
export function expectNoSecretInOutput(run: EntrypointRun): void {
  const output = run.stdout + run.stderr;
  expect(output).not.toContain('LEAKMARK');
}
