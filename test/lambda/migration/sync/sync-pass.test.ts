import { ImportConflictError } from '../../../../lambda/migration/import';
import { readLedger } from '../../../../lambda/migration/ledger';
import { readRegistrySnapshot } from '../../../../lambda/migration/snapshot';
import { avro, startSyncFixture, type SyncFixture } from './harness';

describe('syncPass: a live source changed between passes in every way', () => {
  let fx: SyncFixture;
  beforeAll(async () => {
    fx = await startSyncFixture();
  });
  afterAll(() => fx.close());

  it('mirrors the whole source in the first pass, holds the target in IMPORT, and a second pass writes nothing', async () => {
    const first = await fx.pass();
    expect(first.complete).toBe(true);
    expect(first.counts.registered).toBe(first.source.schemas.length);
    expect(first.versionsBehind).toBe(first.source.schemas.length);
    const report = await fx.verify();
    expect(report.differences).toEqual([]);
    expect(report.notes.some((note) => /held in IMPORT while the sync runs/.test(note))).toBe(true);
    const target = await readRegistrySnapshot(fx.target.api);
    expect(target.modes.find((m) => m.scope === '')?.mode).toBe('IMPORT');

    const again = await fx.pass();
    expect(again.written).toBe(0);
    expect(again.versionsBehind).toBe(0);
  });

  it('after every kind of change at the source, the next pass leaves zero differences and the one after writes nothing', async () => {
    const api = fx.source.api;
    // New subject, new version, new context, new reference chain.
    await api.register('fresh-value', { schema: avro('Fresh'), schemaType: 'AVRO' });
    await api.register('orders-value', { schema: avro('OrderV8', ['id', 'total']), schemaType: 'AVRO' });
    await api.register(':.ctx-new:thing', { schema: avro('Thing'), schemaType: 'AVRO' });
    await api.register('chain-base', { schema: avro('ChainBase'), schemaType: 'AVRO' });
    await api.register('chain-top', {
      schema: JSON.stringify({
        type: 'record',
        name: 'ChainTop',
        namespace: 'com.acme.sync',
        fields: [{ name: 'base', type: 'com.acme.sync.ChainBase' }],
      }),
      schemaType: 'AVRO',
      references: [{ name: 'com.acme.sync.ChainBase', subject: 'chain-base', version: 1 }],
    });
    // Soft deletes of a version and of a subject.
    await api.deleteVersion('orders-value', 1);
    await api.deleteSubject('json-customer-value');
    // Permanent deletes of a version and of a subject (soft first, as the server requires).
    await api.deleteVersion('proto-order-value', 1);
    await api.deleteVersion('proto-order-value', 1, { permanent: true });
    await api.deleteSubject('ünïcødé-主题-value');
    await api.deleteSubject('ünïcødé-主题-value', { permanent: true });
    // Configs set, changed, removed.
    await api.putConfig('shared-a', { compatibility: 'BACKWARD' });
    await api.putConfig('orders-value', { compatibility: 'FORWARD' });
    await api.deleteConfig('team/a/b-value');
    // Modes set, changed, removed.
    await api.putMode('shared-b', 'READONLY');
    await api.putMode('contracts-value', 'READWRITE');
    await api.deleteMode('name with spaces');

    // Before the pass, verify sees every kind of change as a difference.
    const kinds = new Set((await fx.verify()).differences.map((d) => d.kind));
    expect([...kinds].sort()).toEqual([
      'config-differs',
      'context-missing',
      'deleted-differs',
      'max-id-too-low',
      'mode-differs',
      'version-missing',
      'version-unexpected',
    ]);

    const pass = await fx.pass();
    expect(pass.complete).toBe(true);
    expect(pass.counts).toMatchObject({ registered: 5, removed: 4, deleted: 2 });
    expect(pass.versionsBehind).toBeGreaterThan(0);
    expect((await fx.verify()).differences).toEqual([]);
    const target = await readRegistrySnapshot(fx.target.api);
    expect(target.schemas.filter((r) => r.subject === 'ünïcødé-主题-value')).toEqual([]);
    expect(target.schemas.find((r) => r.subject === 'proto-order-value' && r.version === 1)).toBeUndefined();

    const idle = await fx.pass();
    expect(idle.written).toBe(0);
    expect(idle.versionsBehind).toBe(0);
  });

  it('keeps what it wrote in the ledger, checksummed, and nothing else', async () => {
    const ledger = await readLedger(fx.ledgerLocation);
    expect(ledger?.pairs).toHaveLength(1);
    const pair = ledger!.pairs[0];
    expect(pair.syncing).toBe(true);
    expect(pair.versions['fresh-value']).toHaveLength(1);
    expect(pair.versions['ünïcødé-主题-value']).toBeUndefined();
    expect(pair.versions['proto-order-value'].map(([version]) => version)).toEqual([2]);
  });
});

describe('syncPass refuses content it did not write', () => {
  it('a target holding a foreign subject refuses before any write', async () => {
    const fx = await startSyncFixture();
    try {
      await fx.target.api.register('foreign-value', { schema: avro('Foreign'), schemaType: 'AVRO' });
      fx.target.double.stats.reset();
      const error = await fx.pass().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportConflictError);
      expect((error as Error).message).toMatch(
        /Sync pass refused before any write.*"foreign-value" version\(s\) 1, which the source does not have/s,
      );
      expect(fx.target.double.stats.writes).toBe(0);
      // With --force the foreign subject is left alone, and everything else is mirrored.
      await fx.pass({ force: true });
      const target = await readRegistrySnapshot(fx.target.api);
      expect(target.schemas.some((r) => r.subject === 'foreign-value' && !r.deleted)).toBe(true);
    } finally {
      await fx.close();
    }
  });

  it('without a ledger, a subject the source permanently deleted is a conflict, not a guess', async () => {
    const fx = await startSyncFixture();
    try {
      await fx.pass({ ledgerLocation: undefined });
      await fx.source.api.deleteSubject('shared-a');
      await fx.source.api.deleteSubject('shared-a', { permanent: true });
      fx.target.double.stats.reset();
      await expect(fx.pass({ ledgerLocation: undefined })).rejects.toThrow(/"shared-a" version\(s\) 1, which the source does not have/);
      expect(fx.target.double.stats.writes).toBe(0);
    } finally {
      await fx.close();
    }
  });
});

describe('syncPass stopped at any moment', () => {
  it('a pass aborted mid-way is finished by the next one, ending identical', async () => {
    const fx = await startSyncFixture();
    try {
      const abort = new AbortController();
      const stopped = await fx.pass({
        concurrency: 2,
        signal: abort.signal,
        onProgress: (p) => {
          if (p.phase === 'register' && p.done >= 5) abort.abort();
        },
      });
      expect(stopped.complete).toBe(false);
      expect(stopped.counts.registered).toBeGreaterThanOrEqual(5);
      expect(stopped.counts.registered).toBeLessThan(stopped.source.schemas.length);
      const resumed = await fx.pass();
      expect(resumed.complete).toBe(true);
      expect((await fx.verify()).differences).toEqual([]);
      expect((await fx.pass()).written).toBe(0);
    } finally {
      await fx.close();
    }
  });
});
