import { ImportConflictError, importExport } from '../../../../lambda/migration/import';
import type { LoadedExport } from '../../../../lambda/migration/format/snapshot';
import { startTestRegistry, type TestRegistry } from '../fixtures/corpus-registry';
import { exportAndLoad, startTarget, verifyImported, type Target } from './harness';

const avro = (name: string) => JSON.stringify({ type: 'record', name, fields: [] });

describe('importExport: refuses before any write', () => {
  let source: TestRegistry;
  let loaded: LoadedExport;
  let target: Target;

  beforeAll(async () => {
    source = await startTestRegistry({ corpus: true });
    loaded = await exportAndLoad(source.api);
  });
  afterAll(async () => {
    await source.close();
  });
  beforeEach(async () => {
    target = await startTarget();
  });
  afterEach(async () => {
    await target.close();
  });

  /** Puts content on the target through IMPORT, then back to READWRITE, and resets the write counter. */
  async function seedTarget(entries: Array<{ subject: string; id: number; version: number; name: string }>): Promise<void> {
    await target.api.putMode(undefined, 'IMPORT');
    for (const e of entries)
      await target.api.register(e.subject, { schema: avro(e.name), schemaType: 'AVRO', id: e.id, version: e.version });
    await target.api.putMode(undefined, 'READWRITE', { force: true });
    target.double.stats.reset();
  }

  it('names every conflict (id bound to other content, subject-version holding other content) and writes nothing', async () => {
    await seedTarget([
      { subject: 'elsewhere', id: 11, version: 1, name: 'NotDiamondD' }, // id 11 is diamond-d's in the export
      { subject: 'orders-value', id: 100, version: 1, name: 'NotAnOrder' }, // orders-value v1 holds other content
    ]);
    const error = await importExport(target.api, loaded, { force: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportConflictError);
    const conflicts = (error as ImportConflictError).conflicts.map((c) => `${c.kind} ${c.subject}`).sort();
    expect(conflicts).toEqual([
      'id-bound-to-other-content elsewhere',
      'id-bound-to-other-content orders-value',
      'subject-version-differs orders-value',
    ]);
    expect((error as Error).message).toMatch(/refused before any write: 3 conflict/);
    expect(target.double.stats.writes).toBe(0);
  });

  it('refuses a non-empty target without --force, and with --force imports beside the foreign content', async () => {
    await seedTarget([{ subject: 'their-subject', id: 5000, version: 1, name: 'Theirs' }]);
    const error = await importExport(target.api, loaded).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportConflictError);
    expect((error as ImportConflictError).conflicts).toEqual([
      expect.objectContaining({ kind: 'target-not-empty', subject: 'their-subject' }),
    ]);
    expect((error as Error).message).toMatch(/--force/);
    expect(target.double.stats.writes).toBe(0);

    const result = await importExport(target.api, loaded, { force: true });
    expect(result.complete).toBe(true);
    expect(result.plan.enterImport.every((w) => w.force)).toBe(true);
    const report = await verifyImported(loaded, target.api);
    // The only differences are the target's own subject (and the id range it occupies).
    expect(report.differences.map((d) => d.location.subject ?? d.location.context)).toEqual(['their-subject']);
    expect(await target.api.getVersion('their-subject', 1)).toMatchObject({ id: 5000 });
  });

  it('a dry run reports conflicts the same way', async () => {
    await seedTarget([{ subject: 'orders-value', id: 100, version: 1, name: 'NotAnOrder' }]);
    await expect(importExport(target.api, loaded, { dryRun: true, force: true })).rejects.toBeInstanceOf(ImportConflictError);
    expect(target.double.stats.writes).toBe(0);
  });
});
