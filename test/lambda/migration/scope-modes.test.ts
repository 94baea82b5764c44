import { HttpSchemaRegistryClient } from '../../../lambda/registry-client/client';
import { readScopeModes } from '../../../lambda/migration/scope-modes';
import { startRegistryDouble, type RegistryDouble } from '../../support/registry-double';
import { enc, httpCaller } from '../../support/registry-double/testing';

describe('readScopeModes', () => {
  let registry: RegistryDouble;
  beforeEach(async () => {
    registry = await startRegistryDouble();
  });
  afterEach(() => registry.close());

  it('lists the top level, :.__GLOBAL:, contexts, then subjects (soft-deleted too), each with its own mode', async () => {
    const call = httpCaller(registry.url);
    for (const subject of ['orders-value', 'b-value', ':.team:users-value']) {
      expect((await call('POST', `/subjects/${enc(subject)}/versions`, { schema: '"string"' })).status).toBe(200);
    }
    expect((await call('DELETE', '/subjects/b-value')).status).toBe(200);
    expect((await call('PUT', `/mode/${enc(':.team:')}?force=true`, { mode: 'IMPORT' })).status).toBe(200);
    expect((await call('PUT', '/mode/orders-value', { mode: 'READONLY' })).status).toBe(200);

    const api = new HttpSchemaRegistryClient({ url: registry.url });
    try {
      const modes = await readScopeModes(api, 4);
      expect(modes.map((m) => m.scope)).toEqual(['', ':.__GLOBAL:', ':.team:', ':.team:users-value', 'b-value', 'orders-value']);
      expect(Object.fromEntries(modes.map((m) => [m.scope, m.mode]))).toMatchObject({
        ':.team:': 'IMPORT',
        'orders-value': 'READONLY',
        'b-value': undefined,
      });
    } finally {
      api.close();
    }
  });
});
