import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importExport } from '../../../../lambda/migration/import';
import { readLedger } from '../../../../lambda/migration/ledger';
import { startTestRegistry, type TestRegistry } from '../fixtures/corpus-registry';
import { exportAndLoad, startTarget, verifyImported, type Target } from './harness';

describe('importExport with an ownership ledger: a final export mirrors the source’s permanent deletes', () => {
  let source: TestRegistry;
  let target: Target;
  let dir: string;
  beforeEach(async () => {
    [source, target, dir] = await Promise.all([startTestRegistry({ corpus: true }), startTarget(), mkdtemp(join(tmpdir(), 'sr-ledger-'))]);
  });
  afterEach(async () => {
    await Promise.all([source.close(), target.close(), rm(dir, { recursive: true, force: true })]);
  });

  async function hardDelete(subject: string): Promise<void> {
    await source.api.deleteSubject(subject);
    await source.api.deleteSubject(subject, { permanent: true });
  }

  it('imports early, the source hard-deletes a subject and a version, the final import removes them without --force', async () => {
    const ledgerLocation = join(dir, 'ledger.json');
    const early = await exportAndLoad(source.api);
    expect((await importExport(target.api, early, { ledgerLocation })).complete).toBe(true);

    await hardDelete('shared-a');
    // contracts-value is READONLY in the corpus: lift it for this change.
    await source.api.putMode('contracts-value', 'READWRITE');
    await source.api.deleteVersion('contracts-value', 1);
    await source.api.deleteVersion('contracts-value', 1, { permanent: true });
    const final = await exportAndLoad(source.api);

    const result = await importExport(target.api, final, { ledgerLocation });
    expect(result.complete).toBe(true);
    expect(result.counts.removed).toBe(4); // shared-a (soft, permanent), contracts-value v1 (soft, permanent)
    expect((await verifyImported(final, target.api)).differences).toEqual([]);
    const ledger = await readLedger(ledgerLocation);
    expect(ledger?.pairs[0].versions['shared-a']).toBeUndefined();
    expect(ledger?.pairs[0].syncing).toBeUndefined();
  });

  it('without the ledger the same final import refuses before any write, naming the subject', async () => {
    const early = await exportAndLoad(source.api);
    await importExport(target.api, early);
    await hardDelete('shared-a');
    const final = await exportAndLoad(source.api);
    target.double.stats.reset();
    await expect(importExport(target.api, final)).rejects.toThrow(/"shared-a" version\(s\) 1, which the source does not have/);
    expect(target.double.stats.writes).toBe(0);
  });

  it('a ledger from another source does not make its content removable', async () => {
    const ledgerLocation = join(dir, 'ledger.json');
    const other = await startTestRegistry({ corpus: true });
    try {
      // The same content, imported from a different registry, is recorded under that pair only.
      await importExport(target.api, await exportAndLoad(other.api), { ledgerLocation });
      await hardDelete('shared-a');
      const final = await exportAndLoad(source.api);
      await expect(importExport(target.api, final, { ledgerLocation })).rejects.toThrow(/"shared-a" version\(s\) 1/);
    } finally {
      await other.close();
    }
  });
});
