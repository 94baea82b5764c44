import { HttpSchemaRegistryClient } from '../../../lambda/registry-client/client';
import { RegistryAuthError } from '../../../lambda/registry-client/errors';
import { startRegistryDouble, type RegistryDouble } from '../../support/registry-double';

/**
 * The client against the strict registry double (test/support): the same calls the engine
 * makes, including writes that land and still fail. The client's own behaviour is covered
 * against a scripted server in client.test.ts; this checks the two agree on the wire.
 */
let registry: RegistryDouble;
let client: HttpSchemaRegistryClient;

async function start(version: string, auth?: { username: string; password: string }) {
  registry = await startRegistryDouble({ version, auth });
  client = new HttpSchemaRegistryClient({
    url: registry.url,
    auth: auth ? { type: 'basic', ...auth } : undefined,
    retry: { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 5 },
  });
}

afterEach(async () => {
  client?.close();
  await registry?.close();
});

const ODD = 'ünï côdé/with slash and space';

test('7.9: IMPORT with explicit ids across contexts, odd subject names, normalised reads, unset settings', async () => {
  await start('7.9.0');
  expect(await client.serverVersion()).toBe('7.9.0');
  await client.putMode(undefined, 'IMPORT');
  await client.putMode(':.ctx1:', 'IMPORT');
  expect(await client.register(ODD, { schema: '"string"', id: 100, version: 3 })).toEqual({ id: 100 });
  expect(await client.register(':.ctx1:orders', { schema: '"int"', schemaType: 'AVRO', id: 100, version: 1 })).toEqual({ id: 100 });

  expect(await client.listContexts()).toEqual(['.', '.ctx1']);
  expect(await client.listSubjects()).toEqual([':.ctx1:orders', ODD]);
  expect(await client.listVersions(ODD)).toEqual([3]);
  expect(await client.getVersion(ODD, 3)).toEqual({ subject: ODD, version: 3, id: 100, schemaType: 'AVRO', schema: '"string"' });
  const page = await client.listSchemasPage({ subjectPrefix: ':*:', deleted: true, offset: 0, limit: 1000 });
  expect(page.map((s) => [s.subject, s.id, s.schemaType, s.deleted])).toEqual([
    [':.ctx1:orders', 100, 'AVRO', undefined],
    [ODD, 100, 'AVRO', undefined],
  ]);
  expect(await client.getSchemaById(100, { subject: ':.ctx1:', fetchMaxId: true })).toMatchObject({ schema: '"int"', maxId: 100 });
  expect(await client.getConfig(ODD)).toBeUndefined();
  expect(await client.getMode(ODD)).toBeUndefined();
  expect(await client.getMode(':.ctx1:')).toBe('IMPORT');
  expect(await client.getVersion(ODD, 9)).toBeUndefined();
  expect(await client.listVersions('nobody')).toBeUndefined();
});

test('8.x: writes that land but answer 50002 or drop the connection still resolve as done', async () => {
  await start('8.1.0');
  await client.putMode(undefined, 'IMPORT');
  registry.faults.landThenTimeoutNext({ method: 'POST' });
  expect(await client.register('s', { schema: '"string"', id: 7, version: 1 })).toEqual({ id: 7 });
  await client.register('s', { schema: '"int"', id: 8, version: 2 });
  expect(registry.inspect.versionCount()).toBe(2);

  registry.faults.landThenTimeoutNext({ method: 'DELETE', path: /versions\/1/ });
  await expect(client.deleteVersion('s', 1)).resolves.toBeUndefined();
  expect(await client.getVersion('s', 1, { deleted: true })).toMatchObject({ id: 7, deleted: true });

  await client.putConfig('s', { compatibility: 'NONE' });
  expect(await client.getConfig('s')).toMatchObject({ compatibilityLevel: 'NONE' });
  registry.faults.dropConnectionNext({ method: 'DELETE', path: /\/config\/s/, afterApplying: true });
  await expect(client.deleteConfig('s')).resolves.toBe(true);
  expect(await client.getConfig('s')).toBeUndefined();

  await client.putMode('s', 'READONLY');
  registry.faults.landThenTimeoutNext({ method: 'DELETE', path: /\/mode\/s/ });
  await expect(client.deleteMode('s')).resolves.toBe(true);
  expect(registry.inspect.modeOf('s')).toBeUndefined();

  registry.faults.landThenTimeoutNext({ method: 'DELETE', path: /\/subjects\/s/ });
  await expect(client.deleteSubject('s')).resolves.toBeUndefined();
  expect(await client.listSubjects()).toEqual([]);
  expect(await client.listSubjects({ deleted: true })).toEqual(['s']);
});

test('wrong credentials: one RegistryAuthError', async () => {
  registry = await startRegistryDouble({ auth: { username: 'admin', password: 'right' } });
  client = new HttpSchemaRegistryClient({ url: registry.url, auth: { type: 'basic', username: 'admin', password: 'wrong' } });
  const error = await client.listSubjects().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(RegistryAuthError);
  expect((error as Error).message).not.toContain('wrong');
});
