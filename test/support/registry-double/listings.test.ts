/** Listing endpoints: filters, ordering, contexts, paging and version-dependent JSON (docs/registry-semantics.md §1, §2). */
import { RegistryDouble, startRegistryDouble } from './index';
import { Caller, enc, httpCaller } from './testing';

async function populate(call: Caller): Promise<void> {
  await call('PUT', '/mode', { mode: 'IMPORT' });
  await call('PUT', `/mode/${enc(':.b:')}`, { mode: 'IMPORT' });
  await call('PUT', `/mode/${enc(':.a:')}`, { mode: 'IMPORT' });
  const post = (subject: string, id: number, version: number, schema = `"string"`) =>
    call('POST', `/subjects/${enc(subject)}/versions`, { schema, id, version });
  await post('zeta', 1, 1);
  await post('Alpha', 1, 1);
  await post('9lives', 1, 1);
  await post(':.b:x', 1, 1);
  await post(':.a:y', 7, 3);
  await post('gone', 2, 1, '"int"');
  await call('DELETE', '/subjects/gone');
  await post('zeta', 3, 2, '"long"');
  await call('DELETE', '/subjects/zeta/versions/1');
}

describe('registry double: listings (8.1)', () => {
  let registry: RegistryDouble;
  let call: Caller;

  beforeAll(async () => {
    registry = await startRegistryDouble({ schemasPageLimit: 3 });
    call = httpCaller(registry.url);
    await populate(call);
  });
  afterAll(() => registry.close());

  test('GET /subjects: every context by default, Java String order, deleted/deletedOnly, "" = default context', async () => {
    expect((await call('GET', '/subjects')).body).toEqual(['9lives', ':.a:y', ':.b:x', 'Alpha', 'zeta']);
    expect((await call('GET', '/subjects?deleted=true')).body).toEqual(['9lives', ':.a:y', ':.b:x', 'Alpha', 'gone', 'zeta']);
    expect((await call('GET', '/subjects?deletedOnly=true')).body).toEqual(['gone']);
    expect((await call('GET', '/subjects?subjectPrefix=')).body).toEqual(['9lives', 'Alpha', 'zeta']);
    expect((await call('GET', `/subjects?subjectPrefix=${enc(':.b:')}`)).body).toEqual([':.b:x']);
    expect((await call('GET', '/subjects?offset=1&limit=2')).body).toEqual([':.a:y', ':.b:x']);
  });

  test('GET /contexts: "." first, then the rest in order', async () => {
    expect((await call('GET', '/contexts')).body).toEqual(['.', '.a', '.b']);
  });

  test('GET /schemas: default context only by default, ":*:" for all, sorted by subject then version', async () => {
    const defaults = (await call('GET', '/schemas?limit=100')).body as Array<{ subject: string }>;
    expect(defaults.map((s) => s.subject)).toEqual(['9lives', 'Alpha', 'zeta']);
    const all = (await call('GET', `/schemas?subjectPrefix=${enc(':*:')}&deleted=true&limit=3`)).body;
    expect(all.map((s: { subject: string; version: number }) => `${s.subject}@${s.version}`)).toEqual(['9lives@1', ':.a:y@3', ':.b:x@1']);
    const next = (await call('GET', `/schemas?subjectPrefix=${enc(':*:')}&deleted=true&offset=3&limit=3`)).body;
    expect(next.map((s: { subject: string; version: number }) => `${s.subject}@${s.version}`)).toEqual(['Alpha@1', 'gone@1', 'zeta@1']);
    expect(next.map((s: { deleted: boolean }) => s.deleted)).toEqual([false, true, true]);
  });

  test('GET /schemas: a limit above the cap (or none) is silently replaced by the default', async () => {
    const big = (await call('GET', `/schemas?subjectPrefix=${enc(':*:')}&deleted=true&limit=5000`)).body;
    expect(big).toHaveLength(3);
    const none = (await call('GET', `/schemas?subjectPrefix=${enc(':*:')}&deleted=true&offset=6`)).body;
    expect(none.map((s: { subject: string; version: number }) => `${s.subject}@${s.version}`)).toEqual(['zeta@2']);
    expect((await call('GET', `/schemas?subjectPrefix=${enc(':*:')}&deleted=true&offset=7`)).body).toEqual([]);
  });

  test('GET /schemas/ids/{id}: context via ?subject=, fetchMaxId, soft-deleted ids, 40403', async () => {
    expect((await call('GET', '/schemas/ids/7')).body.error_code).toBe(40403);
    expect((await call('GET', `/schemas/ids/7?subject=${enc(':.a:')}&fetchMaxId=true`)).body).toMatchObject({
      schema: '"string"',
      maxId: 7,
    });
    // id 2 only exists in a soft-deleted subject.
    expect((await call('GET', '/schemas/ids/2')).body).toMatchObject({ schema: '"int"', schemaType: 'AVRO' });
    expect((await call('GET', '/schemas/ids/2/versions')).body).toEqual([]);
    expect((await call('GET', '/schemas/ids/2/versions?deleted=true')).body).toEqual([{ subject: 'gone', version: 1 }]);
    expect((await call('GET', '/schemas/ids/1/versions')).body).toEqual([
      { subject: '9lives', version: 1 },
      { subject: 'Alpha', version: 1 },
    ]);
    // An unqualified subject falls back to other contexts.
    expect((await call('GET', '/schemas/ids/7?subject=y')).body).toMatchObject({ subject: ':.a:y', version: 3 });
  });

  test('the URL-prefix form /contexts/{ctx}/... addresses a context', async () => {
    expect((await call('GET', '/contexts/.b/subjects')).body).toEqual([':.b:x']);
    expect((await call('GET', '/contexts/a/subjects/y/versions')).body).toEqual([3]);
    expect((await call('GET', '/contexts/.a/schemas/ids/7')).body).toMatchObject({ schema: '"string"' });
    const listed = (await call('GET', '/contexts/.a/schemas')).body as Array<{ subject: string }>;
    expect(listed.map((s) => s.subject)).toEqual([':.a:y']);
    expect((await call('GET', '/contexts/.a/mode')).body).toEqual({ mode: 'IMPORT' });
    expect((await call('GET', '/contexts/.a/config')).body.error_code).toBe(40408);
  });

  test('GET /schemas/types, GET / and /v1/metadata/version', async () => {
    expect((await call('GET', '/schemas/types')).body).toEqual(['JSON', 'PROTOBUF', 'AVRO']);
    expect((await call('GET', '/')).body).toEqual({});
    expect((await call('GET', '/v1/metadata/version')).body).toMatchObject({ version: '8.1.0' });
  });
});

describe('registry double: 7.x vs 8.x JSON', () => {
  test('7.x: no deleted flag, no guid, AVRO schemaType omitted, register answers the full schema from 7.5', async () => {
    const registry = await startRegistryDouble({ version: '7.9.0' });
    try {
      const call = httpCaller(registry.url);
      const registered = await call('POST', '/subjects/s/versions', { schema: '"string"' });
      expect(Object.keys(registered.body).sort()).toEqual(['id', 'schema', 'version']);
      const proto = await call('POST', '/subjects/p/versions', { schema: 'syntax = "proto3";', schemaType: 'PROTOBUF' });
      expect(proto.body.schemaType).toBe('PROTOBUF');
      const got = (await call('GET', '/subjects/s/versions/1')).body;
      expect(Object.keys(got).sort()).toEqual(['id', 'schema', 'subject', 'ts', 'version']);
      const listed = (await call('GET', '/schemas?deleted=true')).body;
      expect(listed.every((s: Record<string, unknown>) => !('deleted' in s))).toBe(true);
      expect((await call('GET', '/v1/metadata/version')).body.version).toBe('7.9.0');
    } finally {
      await registry.close();
    }
  });

  test('8.x: deleted flag and AVRO schemaType always present', async () => {
    const registry = await startRegistryDouble({ version: '8.0.0' });
    try {
      const call = httpCaller(registry.url);
      await call('POST', '/subjects/s/versions', { schema: '"string"' });
      expect((await call('GET', '/subjects/s/versions/1')).body).toMatchObject({ schemaType: 'AVRO', deleted: false });
    } finally {
      await registry.close();
    }
  });

  test('< 7.3: no /v1/metadata/version; < 7.5: register answers only the id', async () => {
    const registry = await startRegistryDouble({ version: '7.2.0' });
    try {
      const call = httpCaller(registry.url);
      expect((await call('GET', '/v1/metadata/version')).status).toBe(404);
      expect((await call('POST', '/subjects/s/versions', { schema: '"string"' })).body).toEqual({ id: 1 });
    } finally {
      await registry.close();
    }
  });

  test('NON_EMPTY: empty references, metadata and ruleSet are omitted', async () => {
    const registry = await startRegistryDouble();
    try {
      const call = httpCaller(registry.url);
      await call('POST', '/subjects/s/versions', { schema: '"string"', references: [], metadata: {}, ruleSet: null });
      const got = (await call('GET', '/subjects/s/versions/1')).body;
      expect(got).not.toHaveProperty('references');
      expect(got).not.toHaveProperty('metadata');
      expect(got).not.toHaveProperty('ruleSet');
    } finally {
      await registry.close();
    }
  });
});
