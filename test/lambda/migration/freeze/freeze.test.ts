import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RegistryError } from '../../../../lambda/registry-client/errors';
import { FreezeError, freezeRegistry, unfreezeRegistry } from '../../../../lambda/migration/freeze';
import { FreezeStateError, readFreezeState } from '../../../../lambda/migration/freeze/state';
import { startTestRegistry, type TestRegistry } from '../fixtures/corpus-registry';

const SCOPES = ['', ':.__GLOBAL:', ':.ctx-a:', ':.ctx-b:', 'contracts-value', 'name with spaces', 'orders-value', ':.ctx-a:payments-value'];

describe('freezeRegistry / unfreezeRegistry', () => {
  let registry: TestRegistry;
  let dir: string;
  let statePath: string;
  beforeEach(async () => {
    registry = await startTestRegistry({ corpus: true });
    dir = await mkdtemp(join(tmpdir(), 'sr-freeze-'));
    statePath = join(dir, 'state.json');
  });
  afterEach(async () => {
    await registry.close();
    await rm(dir, { recursive: true, force: true });
  });

  const modesNow = () => Object.fromEntries(SCOPES.map((s) => [s, registry.double.inspect.modeOf(s)]));

  it('makes every scope that could accept a write READONLY, records what it changed, and blocks writes', async () => {
    const result = await freezeRegistry(registry.api, { stateLocation: statePath });

    expect(result.changes).toEqual([
      { scope: '', previous: 'READWRITE' },
      { scope: ':.__GLOBAL:', previous: 'READWRITE' },
      { scope: ':.ctx-a:', previous: null },
      { scope: ':.ctx-b:', previous: 'READWRITE' },
      { scope: 'name with spaces', previous: 'READWRITE' },
    ]);
    expect(result.alreadyReadOnly).toEqual(['contracts-value']);
    expect((await readFreezeState(statePath))?.changes).toEqual(result.changes);

    // Writes are refused in the default context, a named context, a brand-new context,
    // and the subject that overrides with READWRITE.
    for (const subject of ['orders-value', ':.ctx-a:payments-value', ':.ctx-new:fresh', 'name with spaces']) {
      await expect(registry.api.register(subject, { schema: '{"type":"string"}', schemaType: 'AVRO' })).rejects.toMatchObject({
        errorCode: 42205,
      });
    }
  });

  it('undo restores exactly the previous modes, unset scopes included, and removes the record', async () => {
    const before = modesNow();
    expect(before[':.ctx-a:']).toBeUndefined();
    expect(before[':.__GLOBAL:']).toBeUndefined();

    await freezeRegistry(registry.api, { stateLocation: statePath });
    expect(modesNow()).not.toEqual(before);
    const undo = await unfreezeRegistry(registry.api, { stateLocation: statePath });

    expect(undo.restored).toHaveLength(5);
    expect(modesNow()).toEqual(before);
    expect(await readFreezeState(statePath)).toBeUndefined();
    await expect(registry.api.register('orders-value', { schema: '{"type":"string"}' })).resolves.toHaveProperty('id');
  });

  it('refuses a second freeze while a record exists (it would record READONLY as "previous")', async () => {
    await freezeRegistry(registry.api, { stateLocation: statePath });
    await expect(freezeRegistry(registry.api, { stateLocation: statePath })).rejects.toThrow(/already has a freeze record.*--undo/);
  });

  it('refuses an undo without a record, and a record written for another registry', async () => {
    await expect(unfreezeRegistry(registry.api, { stateLocation: statePath })).rejects.toThrow(FreezeStateError);
    await freezeRegistry(registry.api, { stateLocation: statePath });
    const other = Object.create(registry.api, { displayUrl: { value: 'http://elsewhere:8081' } });
    await expect(unfreezeRegistry(other, { stateLocation: statePath })).rejects.toThrow(/belongs to http:\/\/127\.0\.0\.1/);
    expect(await readFile(statePath, 'utf8')).toContain('READWRITE');
  });
});

describe('freeze on a registry with mode.mutability=false', () => {
  it('says which setting refuses it and how to fix it, and leaves no record', async () => {
    const registry = await startTestRegistry({ modeMutability: false });
    const dir = await mkdtemp(join(tmpdir(), 'sr-freeze-'));
    try {
      const statePath = join(dir, 'state.json');
      const attempt = freezeRegistry(registry.api, { stateLocation: statePath });
      await expect(attempt).rejects.toThrow(FreezeError);
      await expect(attempt).rejects.toThrow(/mode\.mutability=true/);
      expect(await readFreezeState(statePath)).toBeUndefined();
    } finally {
      await registry.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('passes other registry errors through unchanged', async () => {
    const registry = await startTestRegistry();
    const dir = await mkdtemp(join(tmpdir(), 'sr-freeze-'));
    try {
      registry.double.faults.failNext({ method: 'PUT', path: /^\/mode/, status: 403, errorCode: 403 });
      await expect(freezeRegistry(registry.api, { stateLocation: join(dir, 's.json') })).rejects.toBeInstanceOf(RegistryError);
    } finally {
      await registry.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
