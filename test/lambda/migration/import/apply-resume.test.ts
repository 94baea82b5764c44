import { importExport } from '../../../../lambda/migration/import';
import type { LoadedExport } from '../../../../lambda/migration/format/snapshot';
import { startTestRegistry, type TestRegistry } from '../fixtures/corpus-registry';
import { exportAndLoad, startTarget, verifyImported, type Target } from './harness';

describe('importExport: interrupted, sliced and faulty runs end identical', () => {
  let source: TestRegistry;
  let loaded: LoadedExport;
  let fullRunWrites: number;
  let target: Target;

  beforeAll(async () => {
    source = await startTestRegistry({ corpus: true });
    loaded = await exportAndLoad(source.api);
    const reference = await startTarget();
    fullRunWrites = (await importExport(reference.api, loaded)).written;
    await reference.close();
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

  it('an import stopped halfway (maxWrites) finishes on a re-run without --force', async () => {
    const first = await importExport(target.api, loaded, { maxWrites: 12 });
    expect(first).toMatchObject({ complete: false, written: 12 });
    expect(target.double.stats.writes).toBe(12);

    const second = await importExport(target.api, loaded);
    expect(second.complete).toBe(true);
    expect(second.plan.forceImportMode).toBe(true);
    expect(first.written + second.written).toBe(fullRunWrites);
    expect((await verifyImported(loaded, target.api)).differences).toEqual([]);
  });

  it('Lambda-style slices of 3 writes each stop in every phase and add up to one full import', async () => {
    let total = 0;
    let slices = 0;
    for (;;) {
      const slice = await importExport(target.api, loaded, { maxWrites: 3 });
      total += slice.written;
      slices++;
      expect(slice.written).toBeLessThanOrEqual(3);
      if (slice.complete) break;
      expect(slices).toBeLessThan(100);
    }
    expect(total).toBe(fullRunWrites);
    expect(target.double.stats.writes).toBe(fullRunWrites);
    expect((await verifyImported(loaded, target.api)).differences).toEqual([]);
  });

  it('stops before a deadline that has passed, writing nothing', async () => {
    const result = await importExport(target.api, loaded, { deadline: Date.now() - 1 });
    expect(result).toMatchObject({ complete: false, written: 0 });
    expect(target.double.stats.writes).toBe(0);
  });

  it('survives writes that land but answer 50002, 503s, and dropped connections', async () => {
    const { faults } = target.double;
    faults.landThenTimeoutNext({ method: 'POST', path: /\/subjects\/diamond-b\/versions$/ });
    faults.landThenTimeoutNext({ method: 'DELETE', path: /\/subjects\/orders-value\/versions\/3$/ });
    faults.landThenTimeoutNext({ method: 'DELETE', path: /\/subjects\/legacy-events$/ });
    faults.failNext({ method: 'POST', path: /\/subjects\/orders-value\/versions$/, status: 503, errorCode: 50003, times: 3 });
    faults.failNext({ method: 'PUT', path: /\/config\/orders-value$/, status: 500, errorCode: 50001, times: 2 });
    faults.dropConnectionNext({ method: 'POST', path: /\/subjects\/shared-b\/versions$/, afterApplying: true });
    faults.dropConnectionNext({ method: 'PUT', path: /\/mode$/ });

    const result = await importExport(target.api, loaded);
    expect(result.complete).toBe(true);
    expect((await verifyImported(loaded, target.api)).differences).toEqual([]);
    // Every injected fault fired and was retried by the client.
    const count = (pattern: RegExp) => target.retries.filter((r) => pattern.test(r)).length;
    expect(count(/50002/)).toBe(3);
    expect(count(/50003/)).toBe(3);
    expect(count(/50001/)).toBe(2);
    expect(target.retries.length - count(/error_code/)).toBeGreaterThanOrEqual(2); // the dropped connections
  });

  it('reports a write that keeps failing, naming it, and a re-run then finishes', async () => {
    target.double.faults.failNext({ method: 'POST', path: /\/subjects\/diamond-a\/versions$/, status: 503, errorCode: 50003, times: 50 });
    await expect(importExport(target.api, loaded)).rejects.toThrow(
      /Registering subject "diamond-a" version 1 with id 15 failed: .*503.*re-run the import/s,
    );
    target.double.faults.clear();
    expect((await importExport(target.api, loaded)).complete).toBe(true);
    expect((await verifyImported(loaded, target.api)).differences).toEqual([]);
  });

  it('treats a write that landed as done even when every retry fails (re-check, docs/registry-semantics.md §12.7)', async () => {
    // The first attempt lands and times out; every retry then fails with 503 without applying.
    target.double.faults.landThenTimeoutNext({ method: 'POST', path: /\/subjects\/json-address\/versions$/ });
    target.double.faults.failNext({
      method: 'POST',
      path: /\/subjects\/json-address\/versions$/,
      status: 503,
      errorCode: 50003,
      times: 50,
    });
    const result = await importExport(target.api, loaded);
    expect(result.complete).toBe(true);
    target.double.faults.clear();
    expect((await verifyImported(loaded, target.api)).differences).toEqual([]);
  });
});
