import { join } from 'node:path';
import { readRegistrySnapshot } from '../../../../lambda/migration/snapshot';
import { cutover, runSync, type SyncPassReport } from '../../../../lambda/migration/sync';
import { avro, startSyncFixture, type SyncFixture } from './harness';

describe('runSync', () => {
  let fx: SyncFixture;
  beforeEach(async () => {
    fx = await startSyncFixture();
  });
  afterEach(() => fx.close());

  it('repeats passes, reports each with its metrics, and goes on after a failed pass', async () => {
    const reports: SyncPassReport[] = [];
    const abort = new AbortController();
    let pauses = 0;
    const summary = await runSync(fx.source.api, fx.target.api, {
      ledgerLocation: fx.ledgerLocation,
      intervalSeconds: 30,
      signal: abort.signal,
      onPass: (report) => void reports.push(report),
      sleep: async () => {
        pauses++;
        if (pauses === 1) fx.source.double.faults.failNext({ method: 'GET', path: /^\/contexts/, status: 401, errorCode: 401 });
        if (pauses === 2) await fx.source.api.register('between-passes', { schema: avro('Between'), schemaType: 'AVRO' });
        if (pauses === 3) abort.abort();
      },
    });
    expect(summary).toEqual({ passes: 3, failedPasses: 1, writes: expect.any(Number), stopped: true, lastPassOk: true });
    expect(reports.map((r) => r.ok)).toEqual([true, false, true]);
    expect(reports[0].metrics.secondsSinceLastSuccess).toBe(0);
    expect(reports[1].error).toBeInstanceOf(Error);
    expect(reports[1].metrics.secondsSinceLastSuccess).toBeGreaterThanOrEqual(0);
    expect(reports[2].result?.counts.registered).toBe(1);
    expect(reports[2].metrics.versionsBehind).toBe(1);
  });

  it('a sync that was running when the cut-over completed stops instead of holding the target in IMPORT again', async () => {
    const abort = new AbortController();
    const lines: string[] = [];
    const summary = await runSync(fx.source.api, fx.target.api, {
      ledgerLocation: fx.ledgerLocation,
      intervalSeconds: 30,
      signal: abort.signal,
      log: (line) => lines.push(line),
      sleep: async () => {
        const result = await cutover(fx.source.api, fx.target.api, {
          freezeStateLocation: join(fx.ledgerLocation, '..', 'freeze.json'),
          ledgerLocation: fx.ledgerLocation,
        });
        expect(result.ok).toBe(true);
        setTimeout(() => abort.abort(), 5_000).unref();
      },
    });
    expect(summary).toMatchObject({ passes: 2, stopped: true });
    expect(lines.join('\n')).toMatch(/the target was cut over at .*, after this sync started; the sync stops/);
    expect((await readRegistrySnapshot(fx.target.api)).modes.find((m) => m.scope === '')?.mode).toBe('READWRITE');
  });
});
