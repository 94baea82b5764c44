import { importExport, RESERVED_ID_SUBJECT } from '../../../../lambda/migration/import';
import type { LoadedExport } from '../../../../lambda/migration/format/snapshot';
import { startTestRegistry, type TestRegistry } from '../fixtures/corpus-registry';
import { exportAndLoad, recordingWrites, startTarget, verifyImported, type Target } from './harness';

describe('importExport: round trip of the corpus', () => {
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

  it('imports into an empty registry with zero differences, then a re-run writes nothing', async () => {
    const result = await importExport(target.api, loaded);
    expect(result.complete).toBe(true);
    expect(result.written).toBe(result.plan.totalWrites);
    expect(target.double.stats.writes).toBe(result.written);
    expect(result.counts.registered).toBe(loaded.schemas.length);

    const report = await verifyImported(loaded, target.api);
    expect(report.differences).toEqual([]);
    expect(report.ok).toBe(true);

    // The highest ids (hard-deleted at the source) are reserved by a soft-deleted placeholder.
    expect(result.plan.reservations.map((r) => [r.subject, r.id])).toEqual([
      [RESERVED_ID_SUBJECT, 999],
      [`:.ctx-b:${RESERVED_ID_SUBJECT}`, 150],
    ]);
    expect(target.double.inspect.maxIdOf('.')).toBe(999);
    expect(target.double.inspect.maxIdOf('.ctx-b')).toBe(150);

    const writesBefore = target.double.stats.writes;
    const again = await importExport(target.api, loaded);
    expect(again).toMatchObject({ complete: true, written: 0 });
    expect(again.plan.totalWrites).toBe(0);
    expect(again.skipped).toBeGreaterThanOrEqual(loaded.schemas.length);
    expect(target.double.stats.writes).toBe(writesBefore);
  });

  it('enters IMPORT per scope before registering into it, and leaves no scope in IMPORT', async () => {
    const recorder = recordingWrites(target.api);
    await importExport(recorder.api, loaded);
    const firstRegisterInto = (prefix: string) => recorder.writes.findIndex((w) => w.startsWith(`register ${prefix}`));
    const at = (line: string) => recorder.writes.indexOf(line);

    // An empty target: IMPORT without force (force would skip the server's own emptiness check).
    expect(at('putMode  IMPORT')).toBe(0);
    expect(at('putMode :.ctx-a: IMPORT')).toBeGreaterThan(0);
    expect(at('putMode :.ctx-b: IMPORT')).toBeGreaterThan(0);
    expect(at('putMode :.ctx-a: IMPORT')).toBeLessThan(firstRegisterInto(':.ctx-a:'));
    expect(at('putMode :.ctx-b: IMPORT')).toBeLessThan(firstRegisterInto(':.ctx-b:'));

    // Configs before modes, modes narrowest first, top level last.
    const lastConfig = recorder.writes.map((w) => w.startsWith('putConfig') || w.startsWith('deleteConfig')).lastIndexOf(true);
    const firstMode = recorder.writes.findIndex((w, i) => i > 2 && (w.startsWith('putMode') || w.startsWith('deleteMode')));
    expect(lastConfig).toBeLessThan(firstMode);
    expect(recorder.writes[recorder.writes.length - 1]).toBe('putMode  READWRITE force');
    expect(recorder.writes).toContain('deleteMode :.ctx-a:');
    expect(recorder.writes).toContain('putMode contracts-value READONLY force');

    for (const scope of ['', ':.ctx-a:', ':.ctx-b:', ':.__GLOBAL:']) {
      expect(target.double.inspect.modeOf(scope)).not.toBe('IMPORT');
    }
    expect(target.double.inspect.modeOf(':.ctx-a:')).toBeUndefined();
    expect(target.double.inspect.modeOf(':.ctx-b:')).toBe('READWRITE');
  });

  it('registers every reference target before its referrers are sent', async () => {
    const recorder = recordingWrites(target.api);
    await importExport(recorder.api, loaded, { concurrency: 8 });
    const position = new Map(recorder.writes.map((w, i) => [w.split(' id ')[0], i]));
    for (const record of loaded.schemas) {
      for (const ref of record.references ?? []) {
        const refSubject = record.context === '.' || ref.subject.startsWith(':.') ? ref.subject : `:${record.context}:${ref.subject}`;
        expect(position.get(`register ${refSubject} v${ref.version}`)).toBeLessThan(
          position.get(`register ${record.subject} v${record.version}`)!,
        );
      }
    }
  });

  it('dry run writes nothing and returns the full plan', async () => {
    const result = await importExport(target.api, loaded, { dryRun: true });
    expect(result).toMatchObject({ complete: false, written: 0 });
    expect(result.plan.registrations).toHaveLength(loaded.schemas.length);
    expect(target.double.stats.writes).toBe(0);
  });
});
