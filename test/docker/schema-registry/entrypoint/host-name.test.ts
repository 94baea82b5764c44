import { cleanUpRuns, runEntrypoint } from '../support/run-entrypoint';
import { containerMetadata, startMetadataServer, taskMetadata, unreachableUri, type FakeMetadataServer } from '../support/metadata-server';
import { contract, taskDefinitionEnv } from '../support/fixtures';

/** Task-definition environment as ECS sets it: no SCHEMA_REGISTRY_HOST_NAME. */
function ecsEnv(overrides: Record<string, string> = {}): Record<string, string> {
  const env = taskDefinitionEnv({ [contract.environment.kafkaAuthMode]: 'iam' });
  delete env.SCHEMA_REGISTRY_HOST_NAME;
  return { ...env, ...overrides };
}

/** A `hostname` on PATH that prints the given `hostname -i` output. */
function hostnameStub(output: string): Record<string, string> {
  return { hostname: `[ "$1" = "-i" ] || exit 64\necho "${output}"` };
}

const servers: FakeMetadataServer[] = [];
async function metadataServer(...replies: Parameters<typeof startMetadataServer>[0]): Promise<FakeMetadataServer> {
  const server = await startMetadataServer(replies);
  servers.push(server);
  return server;
}

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  cleanUpRuns();
});

describe('entrypoint: host.name for leader forwarding', () => {
  test('uses the task IP from the container metadata endpoint', async () => {
    const server = await metadataServer({ status: 200, body: containerMetadata('10.0.130.17') });
    const run = await runEntrypoint(ecsEnv({ ECS_CONTAINER_METADATA_URI_V4: server.uri }), {
      stubs: hostnameStub('172.17.0.9'),
    });

    expect(run.exitCode).toBe(0);
    expect(run.launcherEnv!.SCHEMA_REGISTRY_HOST_NAME).toBe('10.0.130.17');
    expect(server.requests).toEqual(['/v4/8f8b6a2c-container']);
    expect(run.stderr).toContain('host.name: 10.0.130.17 (ECS task metadata)');
  });

  test('reads the first IPv4 address from compact task-shaped metadata too', async () => {
    const server = await metadataServer({ status: 200, body: taskMetadata('10.0.7.42') });
    const run = await runEntrypoint(ecsEnv({ ECS_CONTAINER_METADATA_URI_V4: server.uri }));

    expect(run.exitCode).toBe(0);
    expect(run.launcherEnv!.SCHEMA_REGISTRY_HOST_NAME).toBe('10.0.7.42');
  });

  test('retries a failing metadata endpoint and succeeds on the third attempt', async () => {
    const server = await metadataServer(
      { status: 500, body: 'agent not ready' },
      { status: 200, body: '{"Networks":[{"NetworkMode":"awsvpc","IPv4Addresses":[]}]}' },
      { status: 200, body: containerMetadata('10.0.131.5') },
    );
    const run = await runEntrypoint(ecsEnv({ ECS_CONTAINER_METADATA_URI_V4: server.uri, SR_METADATA_ATTEMPTS: '5' }));

    expect(run.exitCode).toBe(0);
    expect(run.launcherEnv!.SCHEMA_REGISTRY_HOST_NAME).toBe('10.0.131.5');
    expect(server.requests).toHaveLength(3);
    expect(run.stderr).toContain('ECS metadata attempt 1/5: request to');
    expect(run.stderr).toContain('ECS metadata attempt 2/5: no IPv4 address in the response');
  });

  test('stops after the configured number of attempts, then falls back to the container address', async () => {
    const server = await metadataServer({ status: 503, body: '' });
    const run = await runEntrypoint(ecsEnv({ ECS_CONTAINER_METADATA_URI_V4: server.uri, SR_METADATA_ATTEMPTS: '3' }), {
      stubs: hostnameStub('127.0.0.1 10.0.132.8'),
    });

    expect(server.requests).toHaveLength(3);
    expect(run.exitCode).toBe(0);
    expect(run.launcherEnv!.SCHEMA_REGISTRY_HOST_NAME).toBe('10.0.132.8');
    expect(run.stderr).toContain('host.name: 10.0.132.8 (container address)');
  });

  test('outside ECS uses the first non-loopback IPv4 address from `hostname -i`', async () => {
    const run = await runEntrypoint(ecsEnv(), { stubs: hostnameStub('127.0.1.1 fe80::42:acff:fe11:2 172.18.0.4 172.19.0.2') });

    expect(run.exitCode).toBe(0);
    expect(run.launcherEnv!.SCHEMA_REGISTRY_HOST_NAME).toBe('172.18.0.4');
  });

  test('SR_HOST_IP_FALLBACK_CMD replaces `hostname -i`', async () => {
    const run = await runEntrypoint(ecsEnv({ SR_HOST_IP_FALLBACK_CMD: 'echo 192.168.50.7' }), {
      stubs: hostnameStub('172.18.0.4'),
    });

    expect(run.exitCode).toBe(0);
    expect(run.launcherEnv!.SCHEMA_REGISTRY_HOST_NAME).toBe('192.168.50.7');
  });

  test('an explicit SCHEMA_REGISTRY_HOST_NAME wins and the metadata endpoint is not called', async () => {
    const server = await metadataServer({ status: 200, body: containerMetadata('10.0.130.17') });
    const run = await runEntrypoint(
      ecsEnv({ ECS_CONTAINER_METADATA_URI_V4: server.uri, SCHEMA_REGISTRY_HOST_NAME: 'registry-1.internal' }),
    );

    expect(run.exitCode).toBe(0);
    expect(run.launcherEnv!.SCHEMA_REGISTRY_HOST_NAME).toBe('registry-1.internal');
    expect(server.requests).toEqual([]);
    expect(run.stderr).toContain('explicitly provided SCHEMA_REGISTRY_HOST_NAME');
  });

  test('metadata unreachable and only loopback addresses: exits non-zero without starting the server', async () => {
    const started = Date.now();
    const run = await runEntrypoint(ecsEnv({ ECS_CONTAINER_METADATA_URI_V4: await unreachableUri(), SR_METADATA_ATTEMPTS: '2' }), {
      stubs: hostnameStub('127.0.0.1'),
    });

    expect(run.exitCode).not.toBe(0);
    expect(run.launcherEnv).toBeUndefined();
    expect(run.stderr).toContain("cannot determine this task's IP address");
    expect(run.stderr).toContain('leader forwarding would break');
    expect(run.stderr.match(/ECS metadata attempt \d\/2/g)).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  test('no metadata endpoint and no `hostname` at all: exits non-zero with the same message', async () => {
    const run = await runEntrypoint(ecsEnv(), { stubs: { hostname: 'exit 127' } });

    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toContain("cannot determine this task's IP address");
  });

  test('a non-numeric attempt count is refused', async () => {
    const server = await metadataServer({ status: 200, body: containerMetadata('10.0.130.17') });
    const run = await runEntrypoint(ecsEnv({ ECS_CONTAINER_METADATA_URI_V4: server.uri, SR_METADATA_ATTEMPTS: 'many' }));

    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toContain("SR_METADATA_ATTEMPTS='many' must be a whole number");
  });
});
