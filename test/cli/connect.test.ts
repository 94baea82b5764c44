import { cliCredentials, connectRegistry, credentialHint } from '../../cli/connect';
import type { CommonOptions } from '../../cli/options';
import { resolveRegistryAuth } from '../../lambda/registry-client/credentials';
import { errorBody, startScriptedServer } from '../lambda/registry-client/scripted-server';

const options: CommonOptions = { timeout: 5000, retries: 0 };

test('each side reads its own variables: SR_<SIDE>_AUTH before SR_<SIDE>_TOKEN', async () => {
  const env = { SR_TARGET_AUTH: 'tuser:tpass', SR_TARGET_TOKEN: 'ttoken', SR_SOURCE_TOKEN: 'stoken' };
  expect(await resolveRegistryAuth(cliCredentials('target', options, env))).toEqual({
    auth: { type: 'basic', username: 'tuser', password: 'tpass' },
    origin: 'basic',
  });
  expect(await resolveRegistryAuth(cliCredentials('source', options, env))).toEqual({
    auth: { type: 'bearer', token: 'stoken' },
    origin: 'token',
  });
  expect(credentialHint('target')).toBe('check SR_TARGET_AUTH / --target-secret-arn');
});

test('a malformed variable is named, its value is not shown', async () => {
  await expect(resolveRegistryAuth(cliCredentials('source', options, { SR_SOURCE_AUTH: 'nocolon' }))).rejects.toThrow(
    'SR_SOURCE_AUTH must be "user:password" (no ":" found); the value is not shown',
  );
});

test('auth errors name the side’s variable and flag', async () => {
  const server = await startScriptedServer(() => ({ status: 401, body: errorBody(401, 'Unauthorized') }));
  const io = { stdout: { write: () => true }, stderr: { write: () => true }, env: { SR_SOURCE_AUTH: 'bob:wrongpw' } };
  const client = await connectRegistry('source', server.url, options, io);
  try {
    const error = (await client.listSubjects().catch((e: unknown) => e)) as Error;
    expect(error.message).toBe(`authentication failed (401) at ${server.url}: check SR_SOURCE_AUTH / --source-secret-arn`);
  } finally {
    client.close();
    await server.close();
  }
});
