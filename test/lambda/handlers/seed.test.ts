import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DescribeServicesCommand, ECSClient, type Service } from '@aws-sdk/client-ecs';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { gzipSync } from 'node:zlib';
import { isComplete, onEvent } from '../../../lambda/handlers/seed';
import { forgetCachedSeedExport } from '../../../lambda/handlers/seed/load-export';
import { loadExport } from '../../../lambda/migration/format/reader';
import { verifyRegistry } from '../../../lambda/migration/verify';
import { HttpSchemaRegistryClient } from '../../../lambda/registry-client/client';
import { startRegistryDouble, type RegistryDouble } from '../../support/registry-double';
import { CorpusSource, type ExportFile } from './support/corpus-exports';
import { FakeS3 } from './support/fake-s3';
import { createEvent, deleteEvent, driveSeeding, lambdaContext, updateEvent } from './support/seed-driver';

const BUCKET = 'exports-bucket';
const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:sr-admin-AbCdEf';
const ADMIN = { username: 'sr-admin', password: 'not-a-real-password' };
const REGISTER_ROUTE = 'POST /subjects/{subject}/versions';

const steadyService: Service = {
  status: 'ACTIVE',
  desiredCount: 2,
  runningCount: 2,
  deployments: [{ status: 'PRIMARY', rolloutState: 'COMPLETED', desiredCount: 2, runningCount: 2 }],
};
const rollingService: Service = {
  status: 'ACTIVE',
  desiredCount: 2,
  runningCount: 1,
  deployments: [
    { status: 'PRIMARY', rolloutState: 'IN_PROGRESS', desiredCount: 2, runningCount: 1 },
    { status: 'ACTIVE', rolloutState: 'COMPLETED', desiredCount: 2, runningCount: 1 },
  ],
};

let source: CorpusSource;
let exportV1: ExportFile;
let exportV2: ExportFile;
let target: RegistryDouble;
let s3: FakeS3;
const ecs = mockClient(ECSClient);
const secrets = mockClient(SecretsManagerClient);
const cloudformation = mockClient(CloudFormationClient);

beforeAll(async () => {
  // The handlers log one JSON line per step; keep the test output readable.
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  source = await CorpusSource.start();
  exportV1 = await source.export('v1.jsonl.gz');
  await source.registerNewVersion('added-later-value', '{"type":"record","name":"AddedLater","fields":[{"name":"a","type":"string"}]}');
  exportV2 = await source.export('v2.jsonl');
});

afterAll(async () => {
  await source.close();
  ecs.restore();
  secrets.restore();
  cloudformation.restore();
});

beforeEach(async () => {
  target = await startRegistryDouble({ auth: ADMIN });
  s3 = new FakeS3();
  s3.put(BUCKET, 'exports/v1.jsonl.gz', exportV1.bytes);
  s3.put(BUCKET, 'exports/v2.jsonl', exportV2.bytes);
  ecs.reset();
  ecs.on(DescribeServicesCommand).resolves({ services: [steadyService] });
  secrets.reset();
  secrets.on(GetSecretValueCommand, { SecretId: SECRET_ARN }).resolves({ SecretString: JSON.stringify(ADMIN) });
  cloudformation.reset();
  cloudformation
    .on(DescribeStacksCommand)
    .resolves({ Stacks: [{ StackName: 'Dev-Registry', StackStatus: 'UPDATE_IN_PROGRESS', CreationTime: new Date() }] });
  process.env.SEED_MAX_WRITES_PER_SLICE = '8';
  delete process.env.SEED_TIMEOUT_SECONDS;
});

afterEach(async () => {
  s3.restore();
  await target.close();
  delete process.env.SEED_MAX_WRITES_PER_SLICE;
});

function props(file: 'v1' | 'v2', extra: Record<string, string> = {}): Record<string, string> {
  const exp = file === 'v1' ? exportV1 : exportV2;
  return {
    ExportBucket: BUCKET,
    ExportKey: file === 'v1' ? 'exports/v1.jsonl.gz' : 'exports/v2.jsonl',
    ExportSha256: exp.sha256,
    RegistryUrl: target.url,
    AdminSecretArn: SECRET_ARN,
    EcsCluster: 'registry-cluster',
    EcsService: 'registry-service',
    ...extra,
  };
}

async function verifyTargetMatches(file: 'v1' | 'v2'): Promise<void> {
  const loaded = await loadExport(`s3://${BUCKET}/${file === 'v1' ? 'exports/v1.jsonl.gz' : 'exports/v2.jsonl'}`);
  const client = new HttpSchemaRegistryClient({ url: target.url, auth: { type: 'basic', ...ADMIN } });
  try {
    const report = await verifyRegistry(client, loaded);
    expect(report.differences).toEqual([]);
  } finally {
    client.close();
  }
}

describe('Create', () => {
  test('waits for the service, imports in several slices, verifies, and returns the counts', async () => {
    ecs
      .on(DescribeServicesCommand)
      .resolvesOnce({ services: [rollingService] })
      .resolves({ services: [steadyService] });

    const result = await driveSeeding(createEvent(props('v1')));

    expect(result.onEventResult.PhysicalResourceId).toBe('schema-registry-seed');
    // One poll waiting for the rollout, then several slices of at most 8 writes.
    expect(result.polls).toBeGreaterThanOrEqual(4);
    expect(result.data).toMatchObject({
      Contexts: String(exportV1.contexts),
      SubjectVersions: String(exportV1.subjectVersions),
      ExportSha256: exportV1.sha256,
      Unchanged: 'false',
    });
    expect(Number(result.data.Imported)).toBeGreaterThan(0);
    expect(Number(result.data.Imported)).toBeLessThanOrEqual(8);
    expect(Number(result.data.Skipped)).toBeGreaterThan(0);
    expect(JSON.stringify(result.data).length).toBeLessThan(4096);
    expect(target.inspect.versionCount()).toBeGreaterThanOrEqual(exportV1.subjectVersions);
    // onEvent downloads and checks the export; every isComplete poll on this (warm) container reuses it.
    expect(s3.getCalls()).toBe(1);
    await verifyTargetMatches('v1');
    // Only the named service was described.
    for (const call of ecs.commandCalls(DescribeServicesCommand)) {
      expect(call.args[0].input).toEqual({ cluster: 'registry-cluster', services: ['registry-service'] });
    }
  });

  test('records what it imported in the ownership ledger of the migration state location', async () => {
    process.env.SR_MIGRATE_STATE = `s3://${BUCKET}/migrations/`;
    // Lambda always sets a region; lib-storage's Upload reads it from the client config.
    process.env.AWS_REGION ??= 'eu-west-1';
    try {
      await driveSeeding(createEvent(props('v1')));
    } finally {
      delete process.env.SR_MIGRATE_STATE;
    }
    const ledger = JSON.parse(s3.objects.get(`${BUCKET}/migrations/ledger.json`)!.toString('utf8'));
    expect(ledger).toMatchObject({ format: 'sr-migrate-ledger', formatVersion: 1 });
    expect(ledger.pairs).toHaveLength(1);
    expect(ledger.pairs[0].source.url).toBe(source.registry.url);
    expect(ledger.pairs[0].target.url).toBe(target.url);
    const recorded = Object.values(ledger.pairs[0].versions as Record<string, unknown[]>).reduce(
      (sum, versions) => sum + versions.length,
      0,
    );
    expect(recorded).toBe(exportV1.subjectVersions);
  });

  test('without ECS properties it only waits for the registry to answer', async () => {
    const { EcsCluster: _c, EcsService: _s, ...withoutEcs } = props('v1');
    const result = await driveSeeding(createEvent(withoutEcs));
    expect(result.data.SubjectVersions).toBe(String(exportV1.subjectVersions));
    expect(ecs.commandCalls(DescribeServicesCommand)).toHaveLength(0);
  });
});

describe('Update', () => {
  test('with the same export hash does nothing: no S3 read, no registry call', async () => {
    await driveSeeding(createEvent(props('v1')));
    target.stats.reset();
    const s3Reads = s3.getCalls();

    const result = await driveSeeding(updateEvent(props('v1'), props('v1')));

    expect(result.polls).toBe(1);
    expect(result.data).toMatchObject({ Unchanged: 'true', Imported: '0', ExportSha256: exportV1.sha256 });
    expect(target.stats.writes).toBe(0);
    expect(target.stats.reads).toBe(0);
    expect(s3.getCalls()).toBe(s3Reads);
  });

  test('with a newer export writes only the new version', async () => {
    await driveSeeding(createEvent(props('v1')));
    const versionsBefore = target.inspect.versionCount();
    target.stats.reset();
    delete process.env.SEED_MAX_WRITES_PER_SLICE;

    const result = await driveSeeding(updateEvent(props('v2'), props('v1')));

    expect(target.stats.byRoute[REGISTER_ROUTE]).toBe(1);
    expect(target.inspect.versionCount()).toBe(versionsBefore + 1);
    expect(result.data).toMatchObject({
      SubjectVersions: String(exportV2.subjectVersions),
      ExportSha256: exportV2.sha256,
      Skipped: expect.any(String),
    });
    expect(Number(result.data.Imported)).toBeGreaterThanOrEqual(1);
    await verifyTargetMatches('v2');
  });
});

describe('rollback', () => {
  test('the Update CloudFormation sends while rolling back does nothing, so the rollback cannot fail', async () => {
    await driveSeeding(createEvent(props('v1')));
    target.stats.reset();
    const s3Reads = s3.getCalls();
    cloudformation
      .on(DescribeStacksCommand)
      .resolves({ Stacks: [{ StackName: 'Dev-Registry', StackStatus: 'UPDATE_ROLLBACK_IN_PROGRESS', CreationTime: new Date() }] });

    // Rolling back a failed v1 -> v2 update: the "new" properties are v1's again.
    const result = await driveSeeding(updateEvent(props('v1'), props('v2')));

    expect(result.data).toMatchObject({ Unchanged: 'true', Imported: '0' });
    expect(target.stats.reads + target.stats.writes).toBe(0);
    expect(s3.getCalls()).toBe(s3Reads);
    expect(cloudformation.commandCalls(DescribeStacksCommand)[0].args[0].input).toEqual({
      StackName: expect.stringContaining(':stack/Dev-Registry/'),
    });
  });

  test('when the stack status cannot be read, an Update seeds as usual', async () => {
    await driveSeeding(createEvent(props('v1')));
    cloudformation.on(DescribeStacksCommand).rejects(Object.assign(new Error('denied'), { name: 'AccessDenied' }));
    delete process.env.SEED_MAX_WRITES_PER_SLICE;
    target.stats.reset();
    const { ExportSha256: _unpinned, ...v1Unpinned } = props('v1');
    const result = await driveSeeding(updateEvent(props('v1'), v1Unpinned));
    expect(result.data.Unchanged).toBe('false');
    expect(target.stats.writes).toBe(0);
  });
});

describe('Delete', () => {
  test('succeeds without any registry or AWS call, even with garbage properties', async () => {
    const event = deleteEvent({ ExportBucket: 42, RegistryUrl: 'not a url', Nonsense: { deep: true } });
    const s3Reads = s3.getCalls();

    const answer = await onEvent(event);
    const done = await isComplete({ ...event, ...answer } as never, lambdaContext());

    expect(answer.PhysicalResourceId).toBe('schema-registry-seed');
    expect(done.IsComplete).toBe(true);
    expect(target.stats.reads + target.stats.writes).toBe(0);
    expect(s3.getCalls()).toBe(s3Reads);
    expect(ecs.calls()).toHaveLength(0);
    expect(secrets.calls()).toHaveLength(0);
  });
});

describe('failures name their cause', () => {
  test('a conflict fails the resource and writes nothing', async () => {
    // The target already holds a different schema under a subject-version the export has.
    const register = await fetch(`${target.url}/subjects/orders-value/versions`, {
      method: 'POST',
      headers: {
        'content-type': 'application/vnd.schemaregistry.v1+json',
        authorization: `Basic ${Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64')}`,
      },
      body: JSON.stringify({ schema: '"string"' }),
    });
    expect(register.ok).toBe(true);
    target.stats.reset();

    await expect(driveSeeding(createEvent(props('v1')))).rejects.toThrow(/Seeding refused, nothing was written: .*conflict/s);
    expect(target.stats.writes).toBe(0);
  });

  test('a truncated export fails in onEvent with the reader message', async () => {
    const lines = exportV2.bytes.toString('utf8').trimEnd().split('\n');
    s3.put(BUCKET, 'exports/truncated.jsonl', Buffer.from(`${lines.slice(0, -1).join('\n')}\n`));
    const event = createEvent(props('v2', { ExportKey: 'exports/truncated.jsonl' }));
    await expect(onEvent(event)).rejects.toThrow(
      /Cannot seed from s3:\/\/exports-bucket\/exports\/truncated\.jsonl: export is truncated: no trailer/,
    );
    expect(target.stats.reads + target.stats.writes).toBe(0);
  });

  test('a tampered export fails with the checksum message', async () => {
    const tampered = exportV2.bytes.toString('utf8').replace('AddedLater', 'AddedLatex');
    expect(tampered).not.toBe(exportV2.bytes.toString('utf8'));
    s3.put(BUCKET, 'exports/tampered.jsonl', Buffer.from(tampered));
    const { ExportSha256: _pinned, ...unpinned } = props('v2', { ExportKey: 'exports/tampered.jsonl' });
    await expect(onEvent(createEvent(unpinned))).rejects.toThrow(/modified after it was written: checksum mismatch/);
  });

  test('an export replaced after synth (trailer sha differs from ExportSha256) is refused', async () => {
    const event = createEvent(props('v1', { ExportSha256: exportV2.sha256 }));
    await expect(onEvent(event)).rejects.toThrow(`its trailer sha256 is ${exportV1.sha256} but ExportSha256 is ${exportV2.sha256}`);
  });

  test('an export replaced between onEvent and isComplete is refused (a cold container downloads it again)', async () => {
    const { ExportSha256: _pinned, ...unpinned } = props('v1');
    const handoff = await onEvent(createEvent(unpinned));
    forgetCachedSeedExport();
    s3.put(BUCKET, 'exports/v1.jsonl.gz', gzipSync(exportV2.bytes));
    await expect(isComplete({ ...createEvent(unpinned), ...handoff } as never, lambdaContext())).rejects.toThrow(
      `its trailer sha256 is ${exportV2.sha256} but seeding started with ${exportV1.sha256}`,
    );
    expect(target.stats.writes).toBe(0);
  });

  test('a missing export object names the location', async () => {
    await expect(onEvent(createEvent(props('v1', { ExportKey: 'exports/nope.jsonl.gz' })))).rejects.toThrow(
      /Cannot seed from s3:\/\/exports-bucket\/exports\/nope\.jsonl\.gz/,
    );
  });

  test('an unreachable registry keeps the resource waiting, then fails naming the registry', async () => {
    const unreachable = 'http://127.0.0.1:9';
    const event = createEvent(props('v1', { RegistryUrl: unreachable }));
    const handoff = await onEvent(event);
    expect(await isComplete({ ...event, ...handoff } as never, lambdaContext())).toEqual({ IsComplete: false });

    const expired = { ...event, ...handoff, SeedDeadline: String(Date.now() - 1) };
    await expect(isComplete(expired as never, lambdaContext())).rejects.toThrow(
      /Seeding gave up after \d+ min: the registry at http:\/\/127\.0\.0\.1:9 does not answer GET \/ \(ECONNREFUSED\)/,
    );
  });

  test('an ECS service that never becomes steady times out with the rollout state', async () => {
    ecs.on(DescribeServicesCommand).resolves({ services: [rollingService] });
    const event = createEvent(props('v1'));
    const handoff = await onEvent(event);
    expect(await isComplete({ ...event, ...handoff } as never, lambdaContext())).toEqual({ IsComplete: false });

    const expired = { ...event, ...handoff, SeedDeadline: String(Date.now() - 1) };
    await expect(isComplete(expired as never, lambdaContext())).rejects.toThrow(
      'ECS service registry-service in cluster registry-cluster is not steady (status ACTIVE, 2 deployment(s), PRIMARY rollout IN_PROGRESS, running 1 of 2)',
    );
    expect(target.stats.reads + target.stats.writes).toBe(0);
  });

  test('a failed rollout fails at once', async () => {
    ecs.on(DescribeServicesCommand).resolves({
      services: [
        { ...rollingService, deployments: [{ status: 'PRIMARY', rolloutState: 'FAILED', rolloutStateReason: 'circuit breaker tripped' }] },
      ],
    });
    const event = createEvent(props('v1'));
    const handoff = await onEvent(event);
    await expect(isComplete({ ...event, ...handoff } as never, lambdaContext())).rejects.toThrow(
      "ECS service registry-service in cluster registry-cluster: the service's deployment failed: circuit breaker tripped",
    );
  });

  test('invalid properties list every problem', async () => {
    await expect(
      onEvent(createEvent({ ExportBucket: BUCKET, ExportSha256: 'abc', RegistryUrl: 'ftp://x', EcsCluster: 'c' })),
    ).rejects.toThrow('Invalid seeding properties: ExportKey is required; AdminSecretArn is required; ExportSha256 must be 64 hex digits');
  });

  test('wrong admin credentials fail with a message naming the secret', async () => {
    secrets.on(GetSecretValueCommand, { SecretId: SECRET_ARN }).resolves({ SecretString: JSON.stringify({ ...ADMIN, password: 'wrong' }) });
    await expect(driveSeeding(createEvent(props('v1')))).rejects.toThrow(new RegExp(`secret ${SECRET_ARN}`));
    expect(target.stats.writes).toBe(0);
  });
});
