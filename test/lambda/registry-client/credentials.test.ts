import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { credentialHint, parseSecretAuth, parseUserPassword, resolveRegistryAuth } from '../../../lambda/registry-client/credentials';
import { openRegistryClient } from '../../../lambda/registry-client/open-registry';
import { errorBody, startScriptedServer } from './scripted-server';

const secrets = mockClient(SecretsManagerClient);
const ARN = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:sr-admin-AbCdEf';

beforeEach(() => secrets.reset());

describe('resolveRegistryAuth precedence', () => {
  const env = { SR_TARGET_AUTH: 'envuser:envpass', SR_TARGET_TOKEN: 'envtoken' };
  const url = 'https://urluser:urlpass@sr.example.com';

  test('1. an explicit option wins over everything', async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretString: '{"username":"s","password":"p"}' });
    const resolved = await resolveRegistryAuth({
      side: 'target',
      auth: { type: 'bearer', token: 't' },
      secretArn: ARN,
      env,
      url,
      secretsClient: new SecretsManagerClient({}),
    });
    expect(resolved).toEqual({ auth: { type: 'bearer', token: 't' }, origin: 'option' });
    expect(secrets.calls()).toHaveLength(0);
  });

  test('2. the secret wins over env and URL', async () => {
    secrets.on(GetSecretValueCommand, { SecretId: ARN }).resolves({ SecretString: '{"username":"admin","password":"pa:ss"}' });
    const resolved = await resolveRegistryAuth({ side: 'target', secretArn: ARN, env, url, secretsClient: new SecretsManagerClient({}) });
    expect(resolved).toEqual({ auth: { type: 'basic', username: 'admin', password: 'pa:ss' }, origin: 'secret' });
  });

  test('3. SR_<SIDE>_AUTH, 4. SR_<SIDE>_TOKEN, 5. the URL, per side', async () => {
    expect(await resolveRegistryAuth({ side: 'target', env, url })).toEqual({
      auth: { type: 'basic', username: 'envuser', password: 'envpass' },
      origin: 'env-basic',
    });
    expect(await resolveRegistryAuth({ side: 'target', env: { SR_TARGET_TOKEN: 'Bearer abc' }, url })).toEqual({
      auth: { type: 'bearer', token: 'abc' },
      origin: 'env-token',
    });
    expect(await resolveRegistryAuth({ side: 'source', env, url })).toEqual({
      auth: { type: 'basic', username: 'urluser', password: 'urlpass' },
      origin: 'url',
    });
    expect(await resolveRegistryAuth({ side: 'source', env: {}, url: 'http://sr:8081' })).toEqual({
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
    await expect(resolveRegistryAuth({ side: 'source', env: { SR_SOURCE_TOKEN: 'two words' } })).rejects.toThrow(
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

test('Secrets Manager failures name the secret and the fix', async () => {
  const client = new SecretsManagerClient({});
  secrets.on(GetSecretValueCommand).rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }));
  await expect(resolveRegistryAuth({ side: 'target', secretArn: ARN, secretsClient: client })).rejects.toThrow(
    `not allowed to read secret ${ARN}; grant secretsmanager:GetSecretValue`,
  );
  secrets.reset();
  secrets.on(GetSecretValueCommand).rejects(Object.assign(new Error('nope'), { name: 'ResourceNotFoundException' }));
  await expect(resolveRegistryAuth({ side: 'source', secretArn: ARN, secretsClient: client })).rejects.toThrow(
    `secret ${ARN} not found; check --source-secret-arn and the region`,
  );
  secrets.reset();
  secrets.on(GetSecretValueCommand).resolves({ SecretBinary: new Uint8Array([1]) });
  await expect(resolveRegistryAuth({ side: 'source', secretArn: ARN, secretsClient: client })).rejects.toThrow(/has no string value/);
});

test('openRegistryClient resolves credentials and names the side in auth errors', async () => {
  expect(credentialHint('target')).toBe('check SR_TARGET_AUTH / --target-secret-arn');
  const server = await startScriptedServer(() => ({ status: 401, body: errorBody(401, 'Unauthorized') }));
  const client = await openRegistryClient({ side: 'source', url: server.url, env: { SR_SOURCE_AUTH: 'bob:wrongpw' } });
  try {
    const error = (await client.listSubjects().catch((e: unknown) => e)) as Error;
    expect(error.message).toBe(`authentication failed (401) at ${server.url}: check SR_SOURCE_AUTH / --source-secret-arn`);
    expect(server.requests[0].headers.authorization).toBe(`Basic ${Buffer.from('bob:wrongpw').toString('base64')}`);
  } finally {
    client.close();
    await server.close();
  }
});
