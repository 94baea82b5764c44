import { readerGroupPattern } from '../../../../lib/constructs/kafka-access/kafka-client-permissions';
import { contract, taskDefinitionEnv } from '../support/fixtures';
import { cleanUpRuns, runEntrypoint } from '../support/run-entrypoint';

const e = contract.environment;

/** IAM resource matching: `*` matches any run of characters, everything else literally. */
function iamMatches(pattern: string, value: string): boolean {
  const regex = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${regex.join('.*')}$`).test(value);
}

afterAll(cleanUpRuns);

describe('entrypoint: kafkastore.group.id', () => {
  test('is <schema.registry.group.id>-<host.name>-<port>, which the task role may use and another registry may not', async () => {
    const run = await runEntrypoint(taskDefinitionEnv({ [e.kafkaAuthMode]: 'iam', [e.groupId]: 'sr-team-a' }));

    expect(run.exitCode).toBe(0);
    const groupId = 'sr-team-a-10.0.130.17-8081';
    expect(run.launcherEnv!.SCHEMA_REGISTRY_KAFKASTORE_GROUP_ID).toBe(groupId);
    expect(run.properties.admin).toContain(`group.id=${groupId}\n`);
    expect(iamMatches(readerGroupPattern('10.0.0.0/16', 'sr-team-a'), groupId)).toBe(true);
    expect(iamMatches(readerGroupPattern('10.0.0.0/16', 'sr-team-b'), groupId)).toBe(false);
    expect(iamMatches(readerGroupPattern('10.1.0.0/16', 'sr-team-a'), groupId)).toBe(false);
  });

  test('a value passed in (e.g. through extra properties) is replaced', async () => {
    const run = await runEntrypoint(taskDefinitionEnv({ [e.kafkaAuthMode]: 'plaintext', SCHEMA_REGISTRY_KAFKASTORE_GROUP_ID: 'anything' }));

    expect(run.exitCode).toBe(0);
    expect(run.launcherEnv!.SCHEMA_REGISTRY_KAFKASTORE_GROUP_ID).toBe('schema-registry-prod-10.0.130.17-8081');
  });

  test('defaults to the registry group schema-registry', async () => {
    const env = taskDefinitionEnv({ [e.kafkaAuthMode]: 'plaintext' });
    delete env[e.groupId];
    const run = await runEntrypoint(env);

    expect(run.launcherEnv!.SCHEMA_REGISTRY_KAFKASTORE_GROUP_ID).toBe('schema-registry-10.0.130.17-8081');
  });

  test('a listener without a port is refused', async () => {
    const run = await runEntrypoint(taskDefinitionEnv({ [e.kafkaAuthMode]: 'plaintext', [e.listeners]: 'http://0.0.0.0' }));

    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toContain("SCHEMA_REGISTRY_LISTENERS='http://0.0.0.0' must end in :<port>");
  });
});
