/** Config endpoints (docs/registry-semantics.md §1.3, §3.1, §12.4-§12.6). */
import { RegistryDouble, startRegistryDouble } from './index';
import { Caller, enc, httpCaller } from './testing';

describe('registry double: config', () => {
  let registry: RegistryDouble;
  let call: Caller;

  beforeEach(async () => {
    registry = await startRegistryDouble({ defaultCompatibility: 'FULL' });
    call = httpCaller(registry.url);
  });
  afterEach(() => registry.close());

  test('unset is not default: top level and :.__GLOBAL: answer the server default, subjects and contexts 40408', async () => {
    expect((await call('GET', '/config')).body).toEqual({ compatibilityLevel: 'FULL' });
    expect((await call('GET', `/config/${enc(':.__GLOBAL:')}`)).body).toEqual({ compatibilityLevel: 'FULL' });
    const subject = await call('GET', '/config/s');
    expect(subject.status).toBe(404);
    expect(subject.body.error_code).toBe(40408);
    expect((await call('GET', `/config/${enc(':.ctx:')}`)).body.error_code).toBe(40408);
    expect((await call('GET', '/config/s?defaultToGlobal=true')).body).toEqual({ compatibilityLevel: 'FULL' });
  });

  test('PUT takes "compatibility"; a PUT with only "compatibilityLevel" answers 200 and sets nothing', async () => {
    const wrong = await call('PUT', '/config/s', { compatibilityLevel: 'NONE' });
    expect(wrong.status).toBe(200);
    expect((await call('GET', '/config/s?defaultToGlobal=true')).body.compatibilityLevel).toBe('FULL');
    const right = await call('PUT', '/config/s', { compatibility: 'none' });
    expect(right.body).toEqual({ compatibility: 'NONE' });
    expect((await call('GET', '/config/s')).body).toEqual({ compatibilityLevel: 'NONE' });
  });

  test('PUT merges: absent fields keep their values', async () => {
    await call('PUT', '/config/s', { compatibility: 'NONE', normalize: true });
    await call('PUT', '/config/s', { alias: 'other' });
    expect((await call('GET', '/config/s')).body).toEqual({ compatibilityLevel: 'NONE', normalize: true, alias: 'other' });
  });

  test('invalid level 42203, invalid subject 42208', async () => {
    expect((await call('PUT', '/config', { compatibility: 'SIDEWAYS' })).body.error_code).toBe(42203);
    expect((await call('PUT', `/config/${enc('__EMPTY')}`, { compatibility: 'NONE' })).body.error_code).toBe(42208);
  });

  test('DELETE /config/{s} answers the old config, 40401 when unset', async () => {
    expect((await call('DELETE', '/config/s')).body.error_code).toBe(40401);
    await call('PUT', '/config/s', { compatibility: 'FORWARD' });
    expect((await call('DELETE', '/config/s')).body).toEqual({ compatibilityLevel: 'FORWARD' });
    expect((await call('GET', '/config/s')).body.error_code).toBe(40408);
  });

  test('context config applies to its subjects; the top level does not', async () => {
    await call('PUT', '/config', { compatibility: 'NONE' });
    await call('PUT', `/config/${enc(':.c:')}`, { compatibility: 'BACKWARD_TRANSITIVE' });
    expect((await call('GET', `/config/${enc(':.c:s')}?defaultToGlobal=true`)).body.compatibilityLevel).toBe('BACKWARD_TRANSITIVE');
    expect((await call('GET', `/config/${enc(':.d:s')}?defaultToGlobal=true`)).body.compatibilityLevel).toBe('FULL');
    expect((await call('GET', '/config/s?defaultToGlobal=true')).body.compatibilityLevel).toBe('NONE');
  });

  test('READONLY blocks config writes (42205); IMPORT does not', async () => {
    await call('PUT', '/mode/s', { mode: 'READONLY' });
    expect((await call('PUT', '/config/s', { compatibility: 'NONE' })).body.error_code).toBe(42205);
    expect((await call('DELETE', '/config/s')).body.error_code).toBe(40401);
    await call('PUT', '/mode/s', { mode: 'IMPORT' });
    expect((await call('PUT', '/config/s', { compatibility: 'NONE' })).status).toBe(200);
  });

  test('a permanently deleted subject loses its config and mode', async () => {
    await call('POST', '/subjects/s/versions', { schema: '"string"' });
    await call('PUT', '/config/s', { compatibility: 'NONE' });
    await call('PUT', '/mode/s', { mode: 'READWRITE' });
    await call('DELETE', '/subjects/s');
    expect((await call('GET', '/config/s')).status).toBe(200);
    await call('DELETE', '/subjects/s?permanent=true');
    expect((await call('GET', '/config/s')).body.error_code).toBe(40408);
    expect((await call('GET', '/mode/s')).body.error_code).toBe(40409);
  });
});
