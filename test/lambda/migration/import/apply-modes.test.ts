import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freezeRegistry, readFreezeState, unfreezeSnapshot } from '../../../../lambda/migration/freeze';
import { importExport } from '../../../../lambda/migration/import';
import { startTestRegistry, type TestRegistry } from '../fixtures/corpus-registry';
import { exportAndLoad, recordingWrites, startTarget, verifyImported, type Target } from './harness';

describe('importExport: modes and configs', () => {
  let source: TestRegistry;
  let target: Target;

  beforeEach(async () => {
    source = await startTestRegistry({ corpus: true });
  });
  afterEach(async () => {
    await source.close();
    await target?.close();
  });

  it('restores scopes the source had in IMPORT, and leaves unset scopes unset', async () => {
    await source.api.putMode(':.ctx-a:', 'IMPORT', { force: true });
    await source.api.putMode('orders-value', 'IMPORT', { force: true });
    const loaded = await exportAndLoad(source.api);
    target = await startTarget();

    expect((await importExport(target.api, loaded)).complete).toBe(true);
    const modeOf = target.double.inspect.modeOf;
    expect(modeOf(':.ctx-a:')).toBe('IMPORT');
    expect(modeOf('orders-value')).toBe('IMPORT');
    expect(modeOf('contracts-value')).toBe('READONLY');
    expect(modeOf(':.ctx-b:')).toBe('READWRITE');
    expect(modeOf('')).toBe('READWRITE');
    expect(modeOf(':.__GLOBAL:')).toBeUndefined();
    expect(modeOf('diamond-a')).toBeUndefined();
    expect((await verifyImported(loaded, target.api)).differences).toEqual([]);
    expect((await importExport(target.api, loaded)).written).toBe(0);
  });

  it('does not carry a `sr-migrate freeze` over: frozen scopes get their pre-freeze modes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sr-freeze-'));
    try {
      const statePath = join(dir, 'freeze.json');
      await freezeRegistry(source.api, { stateLocation: statePath });
      expect(source.double.inspect.modeOf('')).toBe('READONLY');
      const state = (await readFreezeState(statePath))!;
      const loaded = await exportAndLoad(source.api, { transform: (snapshot) => unfreezeSnapshot(snapshot, state) });
      expect(loaded.header.frozenScopes).toEqual(expect.arrayContaining(['', ':.ctx-b:', 'name with spaces']));
      target = await startTarget();

      expect((await importExport(target.api, loaded)).complete).toBe(true);
      const modeOf = target.double.inspect.modeOf;
      expect(modeOf('')).toBe('READWRITE');
      expect(modeOf(':.ctx-b:')).toBe('READWRITE');
      expect(modeOf('name with spaces')).toBe('READWRITE');
      expect(modeOf(':.ctx-a:')).toBeUndefined();
      expect(modeOf(':.__GLOBAL:')).toBeUndefined();
      // READONLY before the freeze, so it stays READONLY.
      expect(modeOf('contracts-value')).toBe('READONLY');
      expect((await verifyImported(loaded, target.api)).differences).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('sets compatibility NONE during an import into a 7.4 target, then restores the exported configs', async () => {
    const loaded = await exportAndLoad(source.api);
    target = await startTarget({ version: '7.4.0' });
    const recorder = recordingWrites(target.api);

    const result = await importExport(recorder.api, loaded);
    expect(result.complete).toBe(true);
    expect(result.plan.compatibilityOverrides).toEqual(['', ':.ctx-a:', ':.ctx-b:']);
    const firstRegister = recorder.writes.findIndex((w) => w.startsWith('register'));
    for (const scope of ['', ':.ctx-a:', ':.ctx-b:']) {
      expect(recorder.writes.indexOf(`putConfig ${scope} {"compatibility":"NONE"}`)).toBeLessThan(firstRegister);
    }
    // Restored afterwards: ".ctx-b" had no config of its own (DELETE), the others get theirs back.
    expect(recorder.writes).toContain('deleteConfig :.ctx-b:');
    expect(await target.api.getConfig(undefined)).toEqual({ compatibilityLevel: 'FULL_TRANSITIVE' });
    expect(await target.api.getConfig(':.ctx-a:')).toEqual({ compatibilityLevel: 'FORWARD' });
    expect(await target.api.getConfig(':.ctx-b:')).toBeUndefined();
    expect((await verifyImported(loaded, target.api)).differences).toEqual([]);

    // A 7.5+ target needs no override.
    const modern = await startTarget({ version: '7.5.0' });
    try {
      expect((await importExport(modern.api, loaded)).plan.compatibilityOverrides).toEqual([]);
    } finally {
      await modern.close();
    }
  });
});
