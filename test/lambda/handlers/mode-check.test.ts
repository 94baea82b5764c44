import { CloudWatchClient, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { handler, LOGGED_SCOPES, runModeCheck } from '../../../lambda/handlers/mode-check';
import { startRegistryDouble, type RegistryDouble } from '../../support/registry-double';
import { enc, httpCaller, type Caller } from '../../support/registry-double/testing';

const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:sr-admin-AbCdEf';
const ADMIN = { username: 'sr-admin', password: 'not-a-real-password' };
const AVRO = '"string"';
const ENV = { REGISTRY_URL: '', ADMIN_SECRET_ARN: SECRET_ARN, ENV_NAME: 'prod' };

const cloudwatch = mockClient(CloudWatchClient);
const secrets = mockClient(SecretsManagerClient);
let registry: RegistryDouble;
let call: Caller;

beforeAll(() => {
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
});

beforeEach(async () => {
  registry = await startRegistryDouble({ auth: ADMIN });
  const basic = Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64');
  call = httpCaller(registry.url, { Authorization: `Basic ${basic}` });
  ENV.REGISTRY_URL = registry.url;
  cloudwatch.reset();
  cloudwatch.on(PutMetricDataCommand).resolves({});
  secrets.reset();
  secrets.on(GetSecretValueCommand, { SecretId: SECRET_ARN }).resolves({ SecretString: JSON.stringify(ADMIN) });
  // A default context with two subjects (one soft-deleted) and a named context with one.
  for (const subject of ['orders-value', 'payments-value', ':.team:users-value']) {
    expect((await call('POST', `/subjects/${enc(subject)}/versions`, { schema: AVRO })).status).toBe(200);
  }
  expect((await call('DELETE', '/subjects/payments-value')).status).toBe(200);
});

afterEach(() => registry.close());
afterAll(() => {
  cloudwatch.restore();
  secrets.restore();
});

async function setMode(scope: string, mode: string): Promise<void> {
  const path = scope === '' ? '/mode' : `/mode/${enc(scope)}`;
  const answer = await call('PUT', `${path}?force=true`, { mode });
  expect(answer.status).toBe(200);
}

function published(): { value: number | undefined; input: unknown }[] {
  return cloudwatch
    .commandCalls(PutMetricDataCommand)
    .map((c) => ({ value: c.args[0].input.MetricData?.[0].Value, input: c.args[0].input }));
}

test('all READWRITE (set or unset): 0, published for the environment', async () => {
  await setMode('orders-value', 'READWRITE');
  Object.assign(process.env, ENV);
  let result;
  try {
    result = await handler();
  } finally {
    for (const name of Object.keys(ENV)) delete process.env[name];
  }
  expect(result).toEqual({ scopesNotWritable: 0, scopes: [] });
  expect(published()).toHaveLength(1);
  expect(published()[0].input).toMatchObject({
    Namespace: 'SchemaRegistry/Migration',
    MetricData: [{ MetricName: 'ScopesInImportOrReadOnly', Dimensions: [{ Name: 'Environment', Value: 'prod' }], Value: 0, Unit: 'Count' }],
  });
});

test.each([
  ['IMPORT at the top level', '', 'IMPORT', 'the top level: IMPORT'],
  ['IMPORT in a context', ':.team:', 'IMPORT', 'context :.team:: IMPORT'],
  ['READONLY on one subject', 'orders-value', 'READONLY', 'subject "orders-value": READONLY'],
  ['IMPORT on a soft-deleted subject', 'payments-value', 'IMPORT', 'subject "payments-value": IMPORT'],
  [
    'READONLY_OVERRIDE on a subject in a context',
    ':.team:users-value',
    'READONLY_OVERRIDE',
    'subject ":.team:users-value": READONLY_OVERRIDE',
  ],
  [
    'READONLY on :.__GLOBAL: (the top level answers it too, and is not counted again)',
    ':.__GLOBAL:',
    'READONLY',
    'all contexts (:.__GLOBAL:): READONLY',
  ],
])('%s counts once', async (_name, scope, mode, described) => {
  await setMode(scope, mode);
  const result = await runModeCheck(ENV);
  expect(result).toEqual({ scopesNotWritable: 1, scopes: [described] });
  expect(published().map((p) => p.value)).toEqual([1]);
});

test('a top level set apart from :.__GLOBAL: counts on its own', async () => {
  await setMode(':.__GLOBAL:', 'READONLY');
  await setMode('', 'IMPORT');
  expect((await runModeCheck(ENV)).scopes).toEqual(['the top level: IMPORT', 'all contexts (:.__GLOBAL:): READONLY']);
});

test('several scopes: each counted once, top level first; READWRITE ones are not', async () => {
  await setMode('', 'IMPORT');
  await setMode(':.team:', 'READONLY');
  await setMode('orders-value', 'IMPORT');
  await setMode(':.team:users-value', 'READWRITE');
  const result = await runModeCheck(ENV);
  expect(result.scopes).toEqual(['the top level: IMPORT', 'context :.team:: READONLY', 'subject "orders-value": IMPORT']);
  expect(published().map((p) => p.value)).toEqual([3]);
});

test(`the count covers every scope; the result and the log name at most ${LOGGED_SCOPES}`, async () => {
  const subjects = Array.from({ length: LOGGED_SCOPES + 5 }, (_, i) => `bulk-${String(i).padStart(2, '0')}`);
  for (const subject of subjects) {
    await call('POST', `/subjects/${subject}/versions`, { schema: AVRO });
    await setMode(subject, 'READONLY');
  }
  const result = await runModeCheck(ENV);
  expect(result.scopesNotWritable).toBe(subjects.length);
  expect(result.scopes).toHaveLength(LOGGED_SCOPES);
});

test('a registry it cannot reach fails the run (ModeCheckErrors) and publishes nothing', async () => {
  await registry.close();
  await expect(runModeCheck({ ...ENV, REGISTRY_URL: 'http://127.0.0.1:1' })).rejects.toThrow(
    /^Mode check of http:\/\/127\.0\.0\.1:1 failed: /,
  );
  expect(published()).toHaveLength(0);
  registry = await startRegistryDouble();
});

test('wrong admin credentials name the secret to check', async () => {
  secrets.on(GetSecretValueCommand, { SecretId: SECRET_ARN }).resolves({ SecretString: JSON.stringify({ ...ADMIN, password: 'wrong' }) });
  await expect(runModeCheck(ENV)).rejects.toThrow(SECRET_ARN);
  expect(published()).toHaveLength(0);
});

test('a misconfigured function names the missing variables', async () => {
  await expect(runModeCheck({ REGISTRY_URL: registry.url })).rejects.toThrow(
    'Mode check function is misconfigured: missing environment variable(s) ADMIN_SECRET_ARN, ENV_NAME (set by the RegistryModeCheck construct)',
  );
});
