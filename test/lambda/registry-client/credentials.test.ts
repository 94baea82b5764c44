import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { parseSecretAuth, parseUserPassword, resolveRegistryAuth } from '../../../lambda/registry-client/credentials';
import { openRegistry } from '../../../lambda/registry-client/open-registry';
import { errorBody, startScriptedServer } from './scripted-server';

const secrets = mockClient(SecretsManagerClient);
const ARN = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:sr-admin-AbCdEf';

beforeEach(() => secrets.reset());

describe('resolveRegistryAuth precedence', () => {
  const sources = {
    basic: { value: 'envuser:envpass', label: 'BASIC_VAR' },
    token: { value: 'envtoken', label: 'TOKEN_VAR' },
    url: { value: 'https://urluser:urlpass@sr.example.com', label: '--url' },
  };

  test('1. an explicit option wins over everything', async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretString: '{"username":"s","password":"p"}' });
    const resolved = await resolveRegistryAuth({
      ...sources,
      auth: { type: 'bearer', token: 't' },
      secret: { value: ARN, label: '--secret' },
      secretsClient: new SecretsManagerClient({}),
    });
    expect(resolved).toEqual({ auth: { type: 'bearer', token: 't' }, origin: 'option' });
    expect(secrets.calls()).toHaveLength(0);
  });

  test('2. the secret wins over "user:password", the token and the URL', async () => {
    secrets.on(GetSecretValueCommand, { SecretId: ARN }).resolves({ SecretString: '{"username":"admin","password":"pa:ss"}' });
    const resolved = await resolveRegistryAuth({
      ...sources,
      secret: { value: ARN, label: '--secret' },
      secretsClient: new SecretsManagerClient({}),
    });
    expect(resolved).toEqual({ auth: { type: 'basic', username: 'admin', password: 'pa:ss' }, origin: 'secret' });
  });

  test('3. "user:password", 4. the bearer token, 5. the URL; sources without a value are skipped', async () => {
    expect(await resolveRegistryAuth({ ...sources, secret: { value: undefined, label: '--secret' } })).toEqual({
      auth: { type: 'basic', username: 'envuser', password: 'envpass' },
      origin: 'basic',
    });
    expect(await resolveRegistryAuth({ token: { value: 'Bearer abc', label: 'TOKEN_VAR' }, url: sources.url })).toEqual({
      auth: { type: 'bearer', token: 'abc' },
      origin: 'token',
    });
    expect(await resolveRegistryAuth({ url: sources.url })).toEqual({
      auth: { type: 'basic', username: 'urluser', password: 'urlpass' },
      origin: 'url',
    });
    expect(await resolveRegistryAuth({ url: { value: 'http://sr:8081', label: '--url' } })).toEqual({
      auth: { type: 'none' },
      origin: 'none',
    });
  });
});

describe('malformed values are refused without echoing them', () => {
  test('user:password', () => {
    expect(parseUserPassword('alice:pw:with:colons', 'X')).toEqual({ type: 'basic', username: 'alice', password: 'pw:with:colons' });
    expect(() => parseUserPassword('justapassword', 'SR_SOURCE_AUTH')).toThrow(
      'SR_SOURCE_AUTH must be "user:password" (no ":" found); the value is not shown',
    );
    expect(() => parseUserPassword(':secretpw', 'SR_SOURCE_AUTH')).toThrow(/the user is empty/);
    expect(() => parseUserPassword(':secretpw', 'SR_SOURCE_AUTH')).not.toThrow(/secretpw/);
  });

  test('a token with spaces', async () => {
    await expect(resolveRegistryAuth({ token: { value: 'two words', label: 'SR_SOURCE_TOKEN' } })).rejects.toThrow(
      'SR_SOURCE_TOKEN must be a single bearer token without spaces; the value is not shown',
    );
  });

  test('secret JSON', () => {
    expect(parseSecretAuth('{"token":"t0k"}', ARN)).toEqual({ type: 'bearer', token: 't0k' });
    expect(() => parseSecretAuth('user:hunter2', ARN)).toThrow(
      `secret ${ARN} must be JSON {"username": "...", "password": "..."} or {"token": "..."}; it is not valid JSON`,
    );
    expect(() => parseSecretAuth('user:hunter2', ARN)).not.toThrow(/hunter2/);
    expect(() => parseSecretAuth('{"user":"a","pass":"hunter2"}', ARN)).toThrow(/it has the fields: pass, user$/);
  });
});

test('Secrets Manager failures name the secret, where its ARN was set, and the fix', async () => {
  const client = new SecretsManagerClient({});
  const secret = { value: ARN, label: '--source-secret-arn' };
  secrets.on(GetSecretValueCommand).rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }));
  await expect(resolveRegistryAuth({ secret, secretsClient: client })).rejects.toThrow(
    `not allowed to read secret ${ARN}; grant secretsmanager:GetSecretValue`,
  );
  secrets.reset();
  secrets.on(GetSecretValueCommand).rejects(Object.assign(new Error('nope'), { name: 'ResourceNotFoundException' }));
  await expect(resolveRegistryAuth({ secret, secretsClient: client })).rejects.toThrow(
    `secret ${ARN} not found; check --source-secret-arn and the region`,
  );
  secrets.reset();
  secrets.on(GetSecretValueCommand).resolves({ SecretBinary: new Uint8Array([1]) });
  await expect(resolveRegistryAuth({ secret, secretsClient: client })).rejects.toThrow(/has no string value/);
});

test('openRegistry resolves credentials and names the caller’s hint in auth errors', async () => {
  const server = await startScriptedServer(() => ({ status: 401, body: errorBody(401, 'Unauthorized') }));
  const client = await openRegistry({
    url: server.url,
    credentials: { basic: { value: 'bob:wrongpw', label: 'SR_SOURCE_AUTH' } },
    authHint: 'check the admin secret',
  });
  try {
    const error = (await client.listSubjects().catch((e: unknown) => e)) as Error;
    expect(error.message).toBe(`authentication failed (401) at ${server.url}: check the admin secret`);
    expect(server.requests[0].headers.authorization).toBe(`Basic ${Buffer.from('bob:wrongpw').toString('base64')}`);
  } finally {
    client.close();
    await server.close();
  }
});
