/** Soft and permanent deletes and their error codes (docs/registry-semantics.md §5). */
import { RegistryDouble, startRegistryDouble } from './index';
import { Caller, httpCaller } from './testing';

describe('registry double: deletes', () => {
  let registry: RegistryDouble;
  let call: Caller;

  beforeEach(async () => {
    registry = await startRegistryDouble();
    call = httpCaller(registry.url);
    await call('POST', '/subjects/s/versions', { schema: '"string"' });
    await call('POST', '/subjects/s/versions', { schema: '"int"' });
  });
  afterEach(() => registry.close());

  test('version: soft delete answers the version; again 40406; missing 40401/40402; bad version 42202', async () => {
    expect((await call('DELETE', '/subjects/s/versions/1')).body).toBe(1);
    expect((await call('DELETE', '/subjects/s/versions/1')).body.error_code).toBe(40406);
    expect((await call('DELETE', '/subjects/nope/versions/1')).body.error_code).toBe(40401);
    expect((await call('DELETE', '/subjects/s/versions/9')).body.error_code).toBe(40402);
    expect((await call('DELETE', '/subjects/s/versions/0')).body.error_code).toBe(42202);
    expect((await call('DELETE', '/subjects/s/versions/latest')).body).toBe(2);
  });

  test('version: permanent needs a prior soft delete (40407); the id stays readable until then', async () => {
    expect((await call('DELETE', '/subjects/s/versions/1?permanent=true')).body.error_code).toBe(40407);
    await call('DELETE', '/subjects/s/versions/1');
    expect((await call('GET', '/schemas/ids/1')).status).toBe(200);
    expect((await call('DELETE', '/subjects/s/versions/1?permanent=true')).body).toBe(1);
    expect((await call('GET', '/schemas/ids/1')).body.error_code).toBe(40403);
    expect((await call('GET', '/subjects/s/versions?deleted=true')).body).toEqual([2]);
    expect(registry.inspect.maxIdOf('.')).toBe(2);
  });

  test('a live referrer blocks deleting its target (42206); referrers first works', async () => {
    await call('POST', '/subjects/user/versions', {
      schema: '"long"',
      references: [{ name: 's', subject: 's', version: 1 }],
    });
    const blocked = await call('DELETE', '/subjects/s/versions/1');
    expect(blocked.status).toBe(422);
    expect(blocked.body.error_code).toBe(42206);
    expect((await call('DELETE', '/subjects/s')).body.error_code).toBe(42206);
    await call('DELETE', '/subjects/user');
    expect((await call('DELETE', '/subjects/s')).body).toEqual([1, 2]);
  });

  test('subject: soft answers the versions; again 40404; missing 40401; permanent needs soft first (40405)', async () => {
    expect((await call('DELETE', '/subjects/s?permanent=true')).body.error_code).toBe(40405);
    await call('DELETE', '/subjects/s/versions/1');
    expect((await call('DELETE', '/subjects/s')).body).toEqual([2]);
    expect((await call('DELETE', '/subjects/s')).body.error_code).toBe(40404);
    expect((await call('DELETE', '/subjects/nope')).body.error_code).toBe(40401);
    expect((await call('DELETE', '/subjects/s?permanent=true')).body).toEqual([1, 2]);
    expect((await call('GET', '/subjects?deleted=true')).body).toEqual([]);
    expect((await call('DELETE', '/subjects/s')).body.error_code).toBe(40401);
  });

  test('READONLY refuses deletes (42205); IMPORT allows them', async () => {
    await call('PUT', '/mode', { mode: 'READONLY' });
    expect((await call('DELETE', '/subjects/s/versions/1')).body.error_code).toBe(42205);
    expect((await call('DELETE', '/subjects/s')).body.error_code).toBe(42205);
    await call('PUT', '/mode?force=true', { mode: 'IMPORT' });
    expect((await call('DELETE', '/subjects/s/versions/1')).status).toBe(200);
  });

  test('reads after deletes follow the docs/registry-semantics.md §2 table', async () => {
    await call('DELETE', '/subjects/s/versions/1');
    expect((await call('GET', '/subjects/s/versions/1')).body.error_code).toBe(40402);
    expect((await call('GET', '/subjects/s/versions/1?deleted=true')).body).toMatchObject({ version: 1, deleted: true });
    expect((await call('GET', '/subjects/s/versions')).body).toEqual([2]);
    expect((await call('GET', '/subjects/s/versions/latest')).body.version).toBe(2);
    await call('DELETE', '/subjects/s');
    expect((await call('GET', '/subjects/s/versions')).body.error_code).toBe(40401);
    expect((await call('GET', '/subjects/s/versions/2')).body.error_code).toBe(40401);
    expect((await call('GET', '/subjects/s/versions?deleted=true')).body).toEqual([1, 2]);
    expect((await call('GET', '/subjects/s/versions?deletedOnly=true')).body).toEqual([1, 2]);
    expect((await call('GET', '/subjects/s/versions/abc')).body.error_code).toBe(42202);
  });
});
