/** POST /subjects/{s}/versions rules (docs/registry-semantics.md §3.4, §4.2), over real HTTP. */
import { RegistryDouble, startRegistryDouble } from './index';
import { Caller, enc, httpCaller } from './testing';

const AVRO_A = '{"type":"record","name":"A","fields":[{"name":"f","type":"string"}]}';
const AVRO_B = '{"type":"record","name":"B","fields":[{"name":"g","type":"int"}]}';

describe('registry double: register', () => {
  let registry: RegistryDouble;
  let call: Caller;

  beforeEach(async () => {
    registry = await startRegistryDouble();
    call = httpCaller(registry.url);
  });
  afterEach(() => registry.close());

  const importMode = async (scope = '') => {
    const res = await call('PUT', `/mode${scope ? `/${enc(scope)}` : ''}`, { mode: 'IMPORT' });
    expect(res.status).toBe(200);
  };

  test('READWRITE without id assigns max+1 per context and version 1, 2, ...', async () => {
    const a = await call('POST', '/subjects/s/versions', { schema: AVRO_A });
    const b = await call('POST', '/subjects/s/versions', { schema: AVRO_B });
    const c = await call('POST', `/subjects/${enc(':.ctx:s')}/versions`, { schema: AVRO_B });
    expect([a.body.id, a.body.version, b.body.id, b.body.version]).toEqual([1, 1, 2, 2]);
    expect([c.body.id, c.body.version]).toEqual([1, 1]); // ids are per context
  });

  test('an id needs IMPORT mode; IMPORT refuses a new schema without id', async () => {
    const withId = await call('POST', '/subjects/s/versions', { schema: AVRO_A, id: 7 });
    expect(withId.status).toBe(422);
    expect(withId.body).toEqual({ error_code: 42205, message: 'Subject s in context  is not in import mode' });
    await importMode();
    const noId = await call('POST', '/subjects/s/versions', { schema: AVRO_A });
    expect(noId.status).toBe(422);
    expect(noId.body.error_code).toBe(42205);
    expect(noId.body.message).toContain('is not in read-write mode');
    const ok = await call('POST', '/subjects/s/versions', { schema: AVRO_A, id: 7, version: 4 });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ id: 7, version: 4 });
  });

  test('global IMPORT does not cover a named context; :.__GLOBAL: and the context scope do', async () => {
    await importMode();
    const refused = await call('POST', `/subjects/${enc(':.prod:s')}/versions`, { schema: AVRO_A, id: 3 });
    expect(refused.status).toBe(422);
    expect(refused.body).toEqual({ error_code: 42205, message: 'Subject :.prod:s in context :.prod: is not in import mode' });
    await importMode(':.prod:');
    expect((await call('POST', `/subjects/${enc(':.prod:s')}/versions`, { schema: AVRO_A, id: 3 })).status).toBe(200);
    // :.__GLOBAL: covers every context, so it sees the live subject in .prod: force past the emptiness check.
    expect((await call('PUT', `/mode/${enc(':.__GLOBAL:')}`, { mode: 'IMPORT' })).body.error_code).toBe(42205);
    expect((await call('PUT', `/mode/${enc(':.__GLOBAL:')}?force=true`, { mode: 'IMPORT' })).status).toBe(200);
    expect((await call('POST', `/subjects/${enc(':.other:s')}/versions`, { schema: AVRO_A, id: 3 })).status).toBe(200);
  });

  test('an identical re-post is idempotent (no write), also with id and version in IMPORT and in READONLY', async () => {
    await importMode();
    const first = await call('POST', '/subjects/s/versions', { schema: AVRO_A, id: 10, version: 2 });
    const writes = registry.stats.writes;
    const again = await call('POST', '/subjects/s/versions', { schema: AVRO_A, id: 10, version: 2 });
    expect(again.body).toEqual(first.body);
    const noIdNoVersion = await call('POST', '/subjects/s/versions', { schema: AVRO_A });
    expect(noIdNoVersion.status).toBe(200);
    expect(noIdNoVersion.body.id).toBe(10);
    await call('PUT', '/mode', { mode: 'READONLY' });
    expect((await call('POST', '/subjects/s/versions', { schema: AVRO_A, id: 10, version: 2 })).status).toBe(200);
    expect(registry.stats.writes).toBe(writes + 1); // only the mode change wrote
    expect(registry.inspect.versionCount()).toBe(1);
  });

  test('pre-check rules: an explicit version without id is not a re-post (42201 in READWRITE); "latest" compares with the latest only', async () => {
    await call('POST', '/subjects/s/versions', { schema: AVRO_A });
    await call('POST', '/subjects/s/versions', { schema: AVRO_B });
    const named = await call('POST', '/subjects/s/versions', { schema: AVRO_A, version: 1 });
    expect(named.body).toEqual({ error_code: 42201, message: 'Version is not one more than previous version' });
    // version -1 ("latest"): AVRO_A is not the latest, so it registers a new version with its existing id.
    const latest = await call('POST', '/subjects/s/versions', { schema: AVRO_A, version: -1 });
    expect(latest.body).toMatchObject({ id: 1, version: 3 });
    expect((await call('POST', '/subjects/s/versions', { schema: AVRO_A, version: -1 })).body).toMatchObject({ version: 3 });
  });

  test('READONLY refuses new registrations with 42205', async () => {
    await call('PUT', '/mode/s', { mode: 'READONLY' });
    const res = await call('POST', '/subjects/s/versions', { schema: AVRO_A });
    expect(res.body).toEqual({ error_code: 42205, message: 'Subject s in context  is in read-only mode' });
  });

  test('an id bound to other content in the context is 42205; the same id in another context is fine', async () => {
    await importMode();
    await importMode(':.x:');
    await call('POST', '/subjects/s/versions', { schema: AVRO_A, id: 5, version: 1 });
    const other = await call('POST', '/subjects/t/versions', { schema: AVRO_B, id: 5, version: 1 });
    expect(other.status).toBe(422);
    expect(other.body).toEqual({ error_code: 42205, message: 'Overwrite new schema with id 5 in context  is not permitted.' });
    const sameMetadataDiffers = await call('POST', '/subjects/t/versions', {
      schema: AVRO_A,
      id: 5,
      version: 1,
      metadata: { properties: { owner: 'x' } },
    });
    expect(sameMetadataDiffers.body.error_code).toBe(42205);
    expect((await call('POST', `/subjects/${enc(':.x:t')}/versions`, { schema: AVRO_B, id: 5, version: 1 })).status).toBe(200);
    // Same content under another subject with the same id is allowed.
    expect((await call('POST', '/subjects/u/versions', { schema: AVRO_A, id: 5, version: 1 })).status).toBe(200);
  });

  test('same content under another requested id: the requested id wins (>= 7.2), 42207 on 6.x', async () => {
    await importMode();
    await call('POST', '/subjects/s/versions', { schema: AVRO_A, id: 1, version: 1 });
    const res = await call('POST', '/subjects/t/versions', { schema: AVRO_A, id: 2, version: 1 });
    expect(res.body).toMatchObject({ id: 2 });
    const old = await startRegistryDouble({ version: '6.2.0' });
    try {
      const oldCall = httpCaller(old.url);
      await oldCall('PUT', '/mode', { mode: 'IMPORT' });
      await oldCall('POST', '/subjects/s/versions', { schema: AVRO_A, id: 1, version: 1 });
      const refused = await oldCall('POST', '/subjects/t/versions', { schema: AVRO_A, id: 2, version: 1 });
      expect(refused.status).toBe(422);
      expect(refused.body.error_code).toBe(42207);
    } finally {
      await old.close();
    }
  });

  test('references must exist (42201), resolve in the referring subject context, may be soft-deleted when an id is given', async () => {
    await importMode();
    await importMode(':.c:');
    const ref = [{ name: 'B', subject: 'b', version: 1 }];
    const missing = await call('POST', '/subjects/a/versions', { schema: AVRO_A, id: 2, version: 1, references: ref });
    expect(missing.status).toBe(422);
    expect(missing.body.error_code).toBe(42201);
    expect(missing.body.message).toContain('No schema reference found for subject "b" and version 1');

    // "b" exists only in the default context: a referrer in .c does not see it.
    await call('POST', '/subjects/b/versions', { schema: AVRO_B, id: 1, version: 1 });
    const inContext = await call('POST', `/subjects/${enc(':.c:a')}/versions`, { schema: AVRO_A, id: 2, version: 1, references: ref });
    expect(inContext.body.error_code).toBe(42201);
    await call('POST', `/subjects/${enc(':.c:b')}/versions`, { schema: AVRO_B, id: 1, version: 1 });
    const ok = await call('POST', `/subjects/${enc(':.c:a')}/versions`, { schema: AVRO_A, id: 2, version: 1, references: ref });
    expect(ok.status).toBe(200);
    expect(ok.body.references).toEqual(ref); // stored unqualified
    // A qualified reference crosses contexts.
    const cross = await call('POST', `/subjects/${enc(':.c:x')}/versions`, {
      schema: AVRO_A,
      id: 2,
      version: 1,
      references: [{ name: 'B', subject: 'b', version: 1 }],
    });
    expect(cross.status).toBe(200);

    // Soft-deleted target: allowed with an id, refused without.
    await call('POST', '/subjects/d/versions', { schema: '"string"', id: 9, version: 1 });
    expect((await call('DELETE', '/subjects/d/versions/1')).status).toBe(200);
    const dref = [{ name: 'D', subject: 'd', version: 1 }];
    expect((await call('POST', '/subjects/e/versions', { schema: AVRO_B, id: 11, version: 1, references: dref })).status).toBe(200);
    await call('PUT', '/mode', { mode: 'READWRITE' });
    const noId = await call('POST', '/subjects/f/versions', { schema: AVRO_A, references: dref });
    expect(noId.body.error_code).toBe(42201);
  });

  test('versions: gaps allowed in IMPORT, READWRITE needs the next version (42201), out of range is 42202', async () => {
    await importMode();
    await call('POST', '/subjects/s/versions', { schema: AVRO_A, id: 1, version: 1 });
    expect((await call('POST', '/subjects/s/versions', { schema: AVRO_B, id: 2, version: 5 })).body.version).toBe(5);
    expect((await call('POST', '/subjects/s/versions', { schema: AVRO_B, id: 3, version: 2 ** 31 })).body.error_code).toBe(42202);
    expect((await call('POST', '/subjects/s/versions', { schema: AVRO_B, id: 3, version: -5 })).body.error_code).toBe(42202);
    await call('PUT', '/mode', { mode: 'READWRITE' });
    const skip = await call('POST', '/subjects/s/versions', { schema: '"int"', version: 9 });
    expect(skip.body).toEqual({ error_code: 42201, message: 'Version is not one more than previous version' });
    const next = await call('POST', '/subjects/s/versions', { schema: '"int"', version: 6 });
    expect(next.body).toMatchObject({ id: 3, version: 6 }); // max id 2 + 1; the refused id 3 never landed
  });

  test('schema type and text are validated (42201) and stored canonically', async () => {
    expect((await call('POST', '/subjects/s/versions', { schema: AVRO_A, schemaType: 'XML' })).body.error_code).toBe(42201);
    expect((await call('POST', '/subjects/s/versions', { schema: '{not json' })).body.error_code).toBe(42201);
    expect((await call('POST', '/subjects/s/versions', { schema: '{', schemaType: 'JSON' })).body.error_code).toBe(42201);
    expect((await call('POST', '/subjects/s/versions', { schema: '5' })).body.error_code).toBe(42201);
    const spaced = await call('POST', '/subjects/s/versions', { schema: '{ "type" : "string" }' });
    expect(spaced.body.schema).toBe('{"type":"string"}');
    const proto = await call('POST', '/subjects/p/versions', {
      schemaType: 'PROTOBUF',
      schema: '  syntax = "proto3";\nmessage M { string a = 1; }\n',
    });
    expect(proto.body).toMatchObject({ schemaType: 'PROTOBUF', schema: 'syntax = "proto3";\nmessage M { string a = 1; }' });
  });

  test('a (subject, version) re-imported with other content is silently overwritten', async () => {
    await importMode();
    await call('POST', '/subjects/s/versions', { schema: AVRO_A, id: 1, version: 1 });
    const over = await call('POST', '/subjects/s/versions', { schema: AVRO_B, id: 2, version: 1 });
    expect(over.status).toBe(200);
    expect((await call('GET', '/subjects/s/versions/1')).body).toMatchObject({ id: 2, version: 1 });
    expect((await call('GET', '/schemas/ids/1')).body.error_code).toBe(40403);
    expect(registry.inspect.versionCount()).toBe(1);
  });

  test('registering an id hard-deletes soft-deleted earlier versions of the subject with that id', async () => {
    await importMode();
    await call('POST', '/subjects/s/versions', { schema: AVRO_A, id: 1, version: 1 });
    await call('DELETE', '/subjects/s/versions/1');
    await call('POST', '/subjects/s/versions', { schema: AVRO_A, id: 1, version: 2 });
    expect((await call('GET', '/subjects/s/versions?deleted=true')).body).toEqual([2]);
  });

  test('subject names: 42208 for control characters, __GLOBAL, __EMPTY and the global context; unicode, spaces, slashes work', async () => {
    for (const bad of ['a\u0001b', '__GLOBAL', '__EMPTY', ':.__GLOBAL:x']) {
      const res = await call('POST', `/subjects/${enc(bad)}/versions`, { schema: AVRO_A });
      expect([bad, res.status, res.body.error_code]).toEqual([bad, 422, 42208]);
    }
    const odd = 'ünï cødé/with slash';
    expect((await call('POST', `/subjects/${enc(odd)}/versions`, { schema: AVRO_A })).status).toBe(200);
    expect((await call('GET', `/subjects/${enc(odd)}/versions/1`)).body.subject).toBe(odd);
    expect((await call('GET', '/subjects')).body).toEqual([odd]);
  });

  test('a missing or malformed body is 400/400; unknown fields are ignored', async () => {
    const bad = await call('POST', '/subjects/s/versions', '{"schema": ');
    expect(bad.status).toBe(400);
    expect(bad.body.error_code).toBe(400);
    expect((await call('POST', '/subjects/s/versions', { schema: AVRO_A, surprise: true })).status).toBe(200);
  });

  test('READWRITE takes metadata and ruleSet from the previous version and stamps confluent:version; IMPORT does not', async () => {
    const metadata = { properties: { owner: 'team-a' } };
    const ruleSet = { domainRules: [{ name: 'r', kind: 'CONDITION', mode: 'WRITE', type: 'CEL', expr: 'true' }] };
    await call('POST', '/subjects/s/versions', { schema: AVRO_A, metadata, ruleSet });
    const v2 = await call('POST', '/subjects/s/versions', { schema: AVRO_B });
    expect(v2.body).toMatchObject({ version: 2, metadata, ruleSet });
    // The pre-check retries with the inherited fields, so the re-post is found.
    expect((await call('POST', '/subjects/s/versions', { schema: AVRO_B })).body).toMatchObject({ id: v2.body.id, version: 2 });
    const v3 = await call('POST', '/subjects/s/versions', { schema: '"int"', version: 3 });
    expect(v3.body.metadata).toEqual({ properties: { owner: 'team-a', 'confluent:version': '3' } });
    expect(registry.inspect.versionCount()).toBe(3);

    await importMode('t');
    await call('POST', '/subjects/t/versions', { schema: AVRO_A, id: 10, version: 1, metadata });
    const imported = await call('POST', '/subjects/t/versions', { schema: AVRO_B, id: 11, version: 2 });
    expect(imported.status).toBe(200);
    expect(imported.body).not.toHaveProperty('metadata');
  });

  test('POST /subjects/{s} finds a registered schema (40401, 40403 otherwise)', async () => {
    expect((await call('POST', '/subjects/s', { schema: AVRO_A })).body.error_code).toBe(40401);
    await call('POST', '/subjects/s/versions', { schema: AVRO_A });
    expect((await call('POST', '/subjects/s', { schema: AVRO_B })).body.error_code).toBe(40403);
    expect((await call('POST', '/subjects/s', { schema: AVRO_A })).body).toMatchObject({ subject: 's', version: 1, id: 1 });
  });
});
