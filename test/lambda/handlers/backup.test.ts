import { CloudWatchClient, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { ECSClient } from '@aws-sdk/client-ecs';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { handler } from '../../../lambda/handlers/backup';
import { readRegistrySnapshot } from '../../../lambda/migration/snapshot/read-snapshot';
import { loadExport } from '../../../lambda/migration/format/reader';
import { verifyRegistry } from '../../../lambda/migration/verify';
import { HttpSchemaRegistryClient } from '../../../lambda/registry-client/client';
import { startRegistryDouble, type RegistryDouble } from '../../support/registry-double';
import { populateCorpus } from '../migration/fixtures/corpus';
import { FakeS3 } from './support/fake-s3';
import { createEvent, driveSeeding } from './support/seed-driver';

const BUCKET = 'data-bucket';
const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:sr-admin-AbCdEf';
const ADMIN = { username: 'sr-admin', password: 'not-a-real-password' };
const BACKUP_KEY = /^backups\/dev\/\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.jsonl\.gz$/;

let source: RegistryDouble;
let s3: FakeS3;
const cloudwatch = mockClient(CloudWatchClient);
const secrets = mockClient(SecretsManagerClient);
const ecs = mockClient(ECSClient);

beforeAll(async () => {
  // The handlers log one JSON line per step; keep the test output readable.
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  // Lambda always sets a region; lib-storage's Upload reads it from the client config.
  process.env.AWS_REGION ??= 'eu-west-1';
  source = await startRegistryDouble({ auth: ADMIN });
  await populateCorpus(source.url, { auth: ADMIN });
});

afterAll(async () => {
  await source.close();
  cloudwatch.restore();
  secrets.restore();
  ecs.restore();
});

beforeEach(() => {
  s3 = new FakeS3();
  cloudwatch.reset();
  cloudwatch.on(PutMetricDataCommand).resolves({});
  secrets.reset();
  secrets.on(GetSecretValueCommand, { SecretId: SECRET_ARN }).resolves({ SecretString: JSON.stringify(ADMIN) });
  Object.assign(process.env, {
    REGISTRY_URL: source.url,
    ADMIN_SECRET_ARN: SECRET_ARN,
    BACKUP_BUCKET: BUCKET,
    BACKUP_PREFIX: 'backups/dev/',
    ENV_NAME: 'dev',
  });
});

afterEach(() => {
  s3.restore();
  for (const name of ['REGISTRY_URL', 'ADMIN_SECRET_ARN', 'BACKUP_BUCKET', 'BACKUP_PREFIX', 'ENV_NAME']) delete process.env[name];
});

test('writes a complete gzipped export under backups/<env>/ and publishes the success metrics', async () => {
  const result = await handler({ 'detail-type': 'Scheduled Event' });

  const keys = s3.keys(BUCKET);
  expect(keys).toHaveLength(1);
  expect(keys[0]).toMatch(BACKUP_KEY);
  expect(result.location).toBe(`s3://${BUCKET}/${keys[0]}`);
  // Loading validates trailer, hash and counts.
  const loaded = await loadExport(result.location);
  expect(loaded.trailer.sha256).toBe(result.sha256);
  expect(loaded.schemas).toHaveLength(result.subjectVersions);
  expect(loaded.header.source.url).toBe(source.url);

  const published = cloudwatch.commandCalls(PutMetricDataCommand).map((c) => c.args[0].input);
  expect(published).toHaveLength(1);
  expect(published[0].Namespace).toBe('SchemaRegistry/Backups');
  const byName = Object.fromEntries((published[0].MetricData ?? []).map((m) => [m.MetricName, m]));
  expect(byName.BackupSucceeded).toMatchObject({ Value: 1, Unit: 'Count', Dimensions: [{ Name: 'Environment', Value: 'dev' }] });
  expect(byName.BackupSubjectVersions).toMatchObject({
    Value: result.subjectVersions,
    Dimensions: [{ Name: 'Environment', Value: 'dev' }],
  });
  expect(byName.BackupDurationSeconds?.Unit).toBe('Seconds');
  expect(byName.BackupAgeSeconds).toMatchObject({ Value: 0, Unit: 'Seconds', Dimensions: [{ Name: 'Environment', Value: 'dev' }] });
});

test('a failed run leaves no object, publishes no success, and no age when no backup exists yet', async () => {
  process.env.REGISTRY_URL = 'http://127.0.0.1:9';
  await expect(handler()).rejects.toThrow(/Backup of http:\/\/127\.0\.0\.1:9 to s3:\/\/data-bucket\/backups\/dev\/.* failed/);
  expect(s3.keys(BUCKET)).toEqual([]);
  expect(cloudwatch.commandCalls(PutMetricDataCommand)).toHaveLength(0);
}, 60_000);

test('a failed run publishes the age of the newest existing backup, so staleness grows while runs fail', async () => {
  const fiveHoursAgo = new Date(Date.now() - 5 * 3600_000);
  s3.put(BUCKET, 'backups/dev/2026-01-01T00-00-00Z.jsonl.gz', Buffer.from('old'), new Date(Date.now() - 30 * 3600_000));
  s3.put(BUCKET, 'backups/dev/2026-01-02T00-00-00Z.jsonl.gz', Buffer.from('newer'), fiveHoursAgo);
  s3.put(BUCKET, 'backups/prod/2026-01-03T00-00-00Z.jsonl.gz', Buffer.from('other env'), new Date());
  secrets
    .on(GetSecretValueCommand, { SecretId: SECRET_ARN })
    .rejects(Object.assign(new Error('gone'), { name: 'ResourceNotFoundException' }));

  await expect(handler()).rejects.toThrow(`failed: secret ${SECRET_ARN} not found`);

  const published = cloudwatch.commandCalls(PutMetricDataCommand).map((c) => c.args[0].input);
  expect(published).toHaveLength(1);
  expect(published[0].MetricData).toHaveLength(1);
  const age = published[0].MetricData![0];
  expect(age).toMatchObject({ MetricName: 'BackupAgeSeconds', Unit: 'Seconds', Dimensions: [{ Name: 'Environment', Value: 'dev' }] });
  expect(age.Value).toBeGreaterThanOrEqual(5 * 3600 - 5);
  expect(age.Value).toBeLessThan(5 * 3600 + 60);
});

test('missing configuration names the variables', async () => {
  delete process.env.BACKUP_BUCKET;
  delete process.env.ENV_NAME;
  await expect(handler()).rejects.toThrow('missing environment variable(s) BACKUP_BUCKET, ENV_NAME');
});

test('restore: a backup made by the handler seeds an empty registry that verify finds identical', async () => {
  const backup = await handler();
  const key = backup.location.slice(`s3://${BUCKET}/`.length);
  const target = await startRegistryDouble({ auth: ADMIN });
  try {
    const seeded = await driveSeeding(
      createEvent({
        ExportBucket: BUCKET,
        ExportKey: key,
        ExportSha256: backup.sha256,
        RegistryUrl: target.url,
        AdminSecretArn: SECRET_ARN,
      }),
    );
    expect(seeded.data).toMatchObject({ SubjectVersions: String(backup.subjectVersions), ExportSha256: backup.sha256 });
    expect(ecs.calls()).toHaveLength(0);

    // Independent check against the live source, not only the file.
    const sourceClient = new HttpSchemaRegistryClient({ url: source.url, auth: { type: 'basic', ...ADMIN } });
    const targetClient = new HttpSchemaRegistryClient({ url: target.url, auth: { type: 'basic', ...ADMIN } });
    try {
      const fromFile = await verifyRegistry(targetClient, await loadExport(backup.location));
      expect(fromFile.differences).toEqual([]);
      expect(fromFile.checked.versions).toBe(backup.subjectVersions);
      const fromSource = await verifyRegistry(targetClient, await readRegistrySnapshot(sourceClient));
      expect(fromSource.differences).toEqual([]);
    } finally {
      sourceClient.close();
      targetClient.close();
    }
  } finally {
    await target.close();
  }
});
