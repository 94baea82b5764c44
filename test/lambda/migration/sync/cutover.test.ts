import { join } from 'node:path';
import { readFreezeState } from '../../../../lambda/migration/freeze';
import { readLedger } from '../../../../lambda/migration/ledger';
import { readRegistrySnapshot } from '../../../../lambda/migration/snapshot';
import { carriedSource, cutover, syncPass } from '../../../../lambda/migration/sync';
import { verifyTarget } from '../../../../lambda/migration/verify';
import type { RegistryMode } from '../../../../lambda/registry-client/types';
import { avro, startSyncFixture, verifySynced, type SyncFixture } from './harness';

const modesOf = async (fx: SyncFixture, side: 'source' | 'target'): Promise<Record<string, RegistryMode>> =>
  Object.fromEntries((await readRegistrySnapshot(fx[side].api)).modes.map((m) => [m.scope, m.mode]));

/** Verify with no hold: the target must match the source exactly, modes included. */
async function verifyExact(fx: SyncFixture, freezeLocation?: string) {
  const state = freezeLocation ? await readFreezeState(freezeLocation) : undefined;
  return verifyTarget(carriedSource(await readRegistrySnapshot(fx.source.api), state), await readRegistrySnapshot(fx.target.api));
}

describe('cutover', () => {
  let fx: SyncFixture;
  let freezeLocation: string;
  beforeEach(async () => {
    fx = await startSyncFixture();
    freezeLocation = join(fx.ledgerLocation, '..', 'freeze-source.json');
  });
  afterEach(() => fx.close());

  const run = (extra: Partial<Parameters<typeof cutover>[2]> = {}) =>
    cutover(fx.source.api, fx.target.api, { freezeStateLocation: freezeLocation, ledgerLocation: fx.ledgerLocation, ...extra });

  it('catches up, freezes, syncs the last changes, verifies and gives the target the source’s modes', async () => {
    await fx.pass();
    await fx.source.api.register('late-value', { schema: avro('Late'), schemaType: 'AVRO' });
    const before = await modesOf(fx, 'source');

    const result = await run();

    expect(result).toMatchObject({ ok: true, dryRun: false, frozenScopes: expect.any(Number) });
    expect(result.freezeSeconds).toBeGreaterThan(0);
    expect(result.freezeSeconds).toBeLessThan(5);
    // The target has exactly the source's pre-freeze modes (no IMPORT left) and content.
    expect((await verifyExact(fx, freezeLocation)).differences).toEqual([]);
    expect(await modesOf(fx, 'target')).toEqual(before);
    // The source stays frozen (recorded for `freeze --undo`); the ledger no longer says "syncing".
    expect((await modesOf(fx, 'source'))['']).toBe('READONLY');
    expect((await readFreezeState(freezeLocation))?.changes.length).toBe(result.frozenScopes);
    expect((await readLedger(fx.ledgerLocation))?.pairs[0].syncing).toBeUndefined();
    // The target accepts producer registrations again.
    await expect(fx.target.api.register('after-cutover', { schema: avro('After'), schemaType: 'AVRO' })).resolves.toHaveProperty('id');
  });

  it('a refused freeze stops it: the source keeps its modes, the target stays held in IMPORT', async () => {
    const before = await modesOf(fx, 'source');
    fx.source.double.faults.failNext({ method: 'PUT', path: /^\/mode/, status: 422, errorCode: 42205 });
    const result = await run();
    expect(result).toMatchObject({ ok: false, failedStep: 'freeze', freezeUndone: true });
    expect(result.error).toMatch(/mode\.mutability=true/);
    expect(await modesOf(fx, 'source')).toEqual(before);
    expect(await readFreezeState(freezeLocation)).toBeUndefined();
    expect((await modesOf(fx, 'target'))['']).toBe('IMPORT');
  });

  it('a conflict in the final sync undoes the freeze and leaves the target in IMPORT', async () => {
    const before = await modesOf(fx, 'source');
    const result = await run({
      // Someone writes foreign content to the target between the catch-up and the final pass.
      onPass: (name) => {
        if (name === 'catch-up')
          void fx.target.api.register('intruder-value', { schema: avro('Intruder'), schemaType: 'AVRO', id: 7777, version: 1 });
      },
    });
    expect(result).toMatchObject({ ok: false, failedStep: 'final-sync', freezeUndone: true });
    expect(result.error).toMatch(/"intruder-value"/);
    expect(await modesOf(fx, 'source')).toEqual(before);
    expect(await readFreezeState(freezeLocation)).toBeUndefined();
    expect((await modesOf(fx, 'target'))['']).toBe('IMPORT');
  });

  it('a difference verify finds (foreign content left by --force) undoes the freeze and leaves the target in IMPORT', async () => {
    await fx.target.api.putMode(undefined, 'IMPORT');
    await fx.target.api.register('foreign-value', { schema: avro('Foreign'), schemaType: 'AVRO', id: 8888, version: 1 });
    const before = await modesOf(fx, 'source');
    const result = await run({ force: true });
    expect(result).toMatchObject({ ok: false, failedStep: 'verify', freezeUndone: true });
    expect(result.error).toMatch(/the target has subject "foreign-value" version 1/);
    expect(await modesOf(fx, 'source')).toEqual(before);
    expect((await modesOf(fx, 'target'))['']).toBe('IMPORT');
  });

  it('a dry run writes nothing and says what it would do', async () => {
    fx.source.double.stats.reset();
    fx.target.double.stats.reset();
    const lines: string[] = [];
    const result = await run({ dryRun: true, log: (line) => lines.push(line) });
    expect(result).toMatchObject({ ok: true, dryRun: true });
    expect(result.frozenScopes).toBeGreaterThan(0);
    expect(fx.source.double.stats.writes + fx.target.double.stats.writes).toBe(0);
    expect(lines.join('\n')).toMatch(/Dry run: the catch-up sync would make \d+ write\(s\); the freeze would set \d+ scope\(s\) READONLY/);
  });

  it('rolls back with the same commands reversed: the new registry is the source, the old one the target', async () => {
    expect((await run()).ok).toBe(true);
    // Producers now write to the new registry.
    await fx.target.api.register('written-after-cutover', { schema: avro('AfterCutover'), schemaType: 'AVRO' });
    const oldFreeze = join(fx.ledgerLocation, '..', 'freeze-target.json');

    const reverse = await syncPass(fx.target.api, fx.source.api, { ledgerLocation: fx.ledgerLocation });
    expect(reverse.complete).toBe(true);
    expect((await verifySynced(fx.target.api, fx.source.api)).differences).toEqual([]);
    const back = await cutover(fx.target.api, fx.source.api, {
      freezeStateLocation: oldFreeze,
      ledgerLocation: fx.ledgerLocation,
      targetFreezeStateLocation: freezeLocation,
    });
    expect(back).toMatchObject({ ok: true });
    // The old registry has what was written to the new one, accepts writes again, and its stale freeze record is gone.
    const old = await readRegistrySnapshot(fx.source.api);
    expect(old.schemas.some((r) => r.subject === 'written-after-cutover')).toBe(true);
    expect(await readFreezeState(freezeLocation)).toBeUndefined();
    await expect(fx.source.api.register('after-rollback', { schema: avro('AfterRollback'), schemaType: 'AVRO' })).resolves.toHaveProperty(
      'id',
    );
    expect((await readLedger(fx.ledgerLocation))?.pairs).toHaveLength(2);
  });
});
