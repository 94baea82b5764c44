/** Mode endpoints, scope resolution and the rules for entering IMPORT (docs/registry-semantics.md §3). */
import { RegistryDouble, startRegistryDouble } from './index';
import { Caller, enc, httpCaller } from './testing';

const AVRO = '"string"';

describe('registry double: modes', () => {
  let registry: RegistryDouble;
  let call: Caller;

  beforeEach(async () => {
    registry = await startRegistryDouble();
    call = httpCaller(registry.url);
  });
  afterEach(() => registry.close());

  test('unset is not default: top level and :.__GLOBAL: answer READWRITE, subjects and contexts 40409', async () => {
    expect((await call('GET', '/mode')).body).toEqual({ mode: 'READWRITE' });
    expect((await call('GET', `/mode/${enc(':.__GLOBAL:')}`)).body).toEqual({ mode: 'READWRITE' });
    expect((await call('GET', '/mode/s')).body.error_code).toBe(40409);
    expect((await call('GET', `/mode/${enc(':.ctx:')}`)).body.error_code).toBe(40409);
    expect((await call('GET', '/mode/s?defaultToGlobal=true')).body).toEqual({ mode: 'READWRITE' });
    expect(registry.inspect.modeOf('')).toBeUndefined();
  });

  test('resolution: subject, then context (top level for the default context), then :.__GLOBAL:', async () => {
    await call('PUT', `/mode/${enc(':.__GLOBAL:')}`, { mode: 'READONLY' });
    expect((await call('GET', '/mode/s?defaultToGlobal=true')).body.mode).toBe('READONLY');
    expect((await call('GET', '/mode')).body.mode).toBe('READONLY');
    await call('PUT', '/mode', { mode: 'READWRITE' });
    expect((await call('GET', '/mode/s?defaultToGlobal=true')).body.mode).toBe('READWRITE');
    // The top-level mode does not apply to a named context.
    expect((await call('GET', `/mode/${enc(':.c:s')}?defaultToGlobal=true`)).body.mode).toBe('READONLY');
    await call('PUT', `/mode/${enc(':.c:')}`, { mode: 'READWRITE' });
    expect((await call('GET', `/mode/${enc(':.c:s')}?defaultToGlobal=true`)).body.mode).toBe('READWRITE');
    await call('PUT', `/mode/${enc(':.c:s')}`, { mode: 'READONLY' });
    expect((await call('POST', `/subjects/${enc(':.c:s')}/versions`, { schema: AVRO })).body.error_code).toBe(42205);
    expect((await call('POST', `/subjects/${enc(':.c:t')}/versions`, { schema: AVRO })).status).toBe(200);
  });

  test('entering IMPORT needs an empty scope (live versions only count), per scope', async () => {
    await call('POST', `/subjects/${enc(':.c:s')}/versions`, { schema: AVRO });
    const top = await call('PUT', '/mode', { mode: 'IMPORT' });
    expect(top.status).toBe(422);
    expect(top.body).toEqual({ error_code: 42205, message: 'Cannot import since found existing subjects' });
    expect((await call('PUT', `/mode/${enc(':.c:')}`, { mode: 'IMPORT' })).body.error_code).toBe(42205);
    // Other scopes are empty.
    expect((await call('PUT', `/mode/${enc(':.d:')}`, { mode: 'IMPORT' })).status).toBe(200);
    expect((await call('PUT', '/mode/other', { mode: 'IMPORT' })).status).toBe(200);
    // force skips the check.
    expect((await call('PUT', '/mode?force=true', { mode: 'IMPORT' })).status).toBe(200);
    expect(registry.inspect.modeOf('')).toBe('IMPORT');
  });

  test('without force, entering IMPORT hard-deletes soft-deleted versions in scope; force keeps them', async () => {
    await call('POST', '/subjects/s/versions', { schema: AVRO });
    await call('POST', `/subjects/${enc(':.c:t')}/versions`, { schema: AVRO });
    await call('DELETE', '/subjects/s');
    await call('DELETE', `/subjects/${enc(':.c:t')}`);
    expect(registry.inspect.versionCount()).toBe(2);
    expect((await call('PUT', `/mode/${enc(':.c:')}?force=true`, { mode: 'IMPORT' })).status).toBe(200);
    expect(registry.inspect.versionCount()).toBe(2);
    expect((await call('PUT', '/mode', { mode: 'IMPORT' })).status).toBe(200);
    expect((await call('GET', '/subjects?deleted=true')).body).toEqual([]);
    expect(registry.inspect.versionCount()).toBe(0);
    // Ids stay reserved: the next id in the default context is still 2.
    expect(registry.inspect.maxIdOf('.')).toBe(1);
  });

  test('a referenced soft-deleted version blocks entering IMPORT with 42206', async () => {
    await call('PUT', '/mode', { mode: 'IMPORT' });
    await call('POST', '/subjects/base/versions', { schema: AVRO, id: 1, version: 1 });
    await call('DELETE', '/subjects/base/versions/1');
    const referrer = await call('POST', '/subjects/user/versions', {
      schema: '"int"',
      id: 2,
      version: 1,
      references: [{ name: 'b', subject: 'base', version: 1 }],
    });
    expect(referrer.status).toBe(200);
    await call('PUT', '/mode', { mode: 'READWRITE' });
    const res = await call('PUT', '/mode/base', { mode: 'IMPORT' });
    expect(res.status).toBe(422);
    expect(res.body.error_code).toBe(42206);
    expect(registry.inspect.versionCount()).toBe(2);
  });

  test('no check when the scope is already IMPORT through resolution', async () => {
    await call('PUT', '/mode', { mode: 'IMPORT' });
    await call('POST', '/subjects/s/versions', { schema: AVRO, id: 1, version: 1 });
    expect((await call('PUT', '/mode/s', { mode: 'IMPORT' })).status).toBe(200);
  });

  test('FORWARD only at the top level and from 8.1; unknown modes 42204; case-insensitive names', async () => {
    expect((await call('PUT', '/mode/s', { mode: 'FORWARD' })).body).toEqual({
      error_code: 42204,
      message: 'Forward mode only supported on global level',
    });
    expect((await call('PUT', '/mode', { mode: 'FORWARD' })).status).toBe(200);
    expect((await call('PUT', '/mode', { mode: 'WRITEONLY' })).body.error_code).toBe(42204);
    expect((await call('PUT', '/mode/s', { mode: 'readonly' })).body).toEqual({ mode: 'READONLY' });
    const old = await startRegistryDouble({ version: '7.9.0' });
    try {
      expect((await httpCaller(old.url)('PUT', '/mode', { mode: 'FORWARD' })).body.error_code).toBe(42204);
    } finally {
      await old.close();
    }
  });

  test('DELETE /mode/{s} answers the old mode, 40401 when unset; {"mode":null} clears', async () => {
    expect((await call('DELETE', '/mode/s')).body.error_code).toBe(40401);
    await call('PUT', '/mode/s', { mode: 'READONLY' });
    expect((await call('DELETE', '/mode/s')).body).toEqual({ mode: 'READONLY' });
    expect((await call('GET', '/mode/s')).body.error_code).toBe(40409);
    await call('PUT', '/mode', { mode: 'READONLY' });
    expect((await call('PUT', '/mode', { mode: null })).status).toBe(200);
    expect((await call('GET', '/mode')).body).toEqual({ mode: 'READWRITE' });
  });

  test('mode writes: 42208 for invalid scopes, 42205 when mode.mutability is false, allowed in READONLY', async () => {
    expect((await call('PUT', `/mode/${enc('__GLOBAL')}`, { mode: 'READONLY' })).body.error_code).toBe(42208);
    await call('PUT', '/mode', { mode: 'READONLY' });
    expect((await call('PUT', '/mode/s', { mode: 'IMPORT' })).status).toBe(200);
    const frozen = await startRegistryDouble({ modeMutability: false });
    try {
      const res = await httpCaller(frozen.url)('PUT', '/mode', { mode: 'IMPORT' });
      expect(res.body).toEqual({ error_code: 42205, message: 'Mode changes are not allowed' });
    } finally {
      await frozen.close();
    }
  });

  test('a top-level READONLY_OVERRIDE beats subject modes up to 8.1, not from 8.2', async () => {
    for (const [version, expected] of [
      ['8.1.0', 42205],
      ['8.2.0', undefined],
    ] as const) {
      const r = await startRegistryDouble({ version });
      try {
        const c = httpCaller(r.url);
        await c('PUT', '/mode/s', { mode: 'READWRITE' });
        await c('PUT', '/mode', { mode: 'READONLY_OVERRIDE' });
        const res = await c('POST', '/subjects/s/versions', { schema: AVRO });
        expect([version, res.body.error_code]).toEqual([version, expected]);
      } finally {
        await r.close();
      }
    }
  });
});
