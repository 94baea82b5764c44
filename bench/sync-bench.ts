import { join } from 'node:path';
import type { RegistryDouble } from '../test/support/registry-double';
import type { PhaseRequest, PhaseResult } from './phase';

/** Versions the source gains between the first sync and the cut-over. */
const CHANGED_VERSIONS = 100;

export interface SyncPassNumbers {
  readonly ms: number;
  readonly cpuMs: number;
  readonly writes: number;
  readonly peakRssMiB: number;
  /** When each phase of the pass started (ms from the start): where the time goes. */
  readonly details: PhaseResult['details'];
}

export interface SyncBenchResult {
  /** The first pass into an empty target: a full migration, against the write floor. */
  readonly firstPass: SyncPassNumbers;
  /** A pass over an unchanged source: reads both registries, writes nothing. */
  readonly unchangedPass: SyncPassNumbers;
  /** The cut-over after the source gained CHANGED_VERSIONS versions. */
  readonly cutover: {
    readonly ms: number;
    readonly freezeMs: number;
    readonly frozenScopes: number;
    readonly catchUpWrites: number;
    readonly finalWrites: number;
    readonly peakRssMiB: number;
  };
}

/**
 * The live cut-over's numbers: first sync pass vs the write floor, an unchanged pass vs an
 * export, and the cut-over's freeze window after the source changed. Each phase runs in its
 * own child process (its RSS is its own); the target's writes are counted by the double.
 */
export async function benchSync(context: {
  readonly sourceUrl: string;
  readonly target: RegistryDouble;
  readonly dir: string;
  readonly log: (line: string) => void;
  readonly runPhase: (request: PhaseRequest) => Promise<PhaseResult>;
}): Promise<SyncBenchResult> {
  const { sourceUrl, target, dir, log, runPhase } = context;
  const ledger = join(dir, 'ledger.json');
  const sync = { phase: 'sync', sourceUrl, targetUrl: target.url, ledger } as const;

  log('sync: first pass into an empty target…');
  target.stats.reset();
  const first = await runPhase(sync);
  const firstWrites = target.stats.writes;
  log(`sync first pass: ${(first.ms / 1000).toFixed(2)} s, ${firstWrites} writes`);

  log('sync: a pass over an unchanged source…');
  target.stats.reset();
  const unchanged = await runPhase(sync);
  log(`sync unchanged pass: ${(unchanged.ms / 1000).toFixed(2)} s, ${target.stats.writes} writes`);
  const unchangedWrites = target.stats.writes;

  log(`cutover: the source gains ${CHANGED_VERSIONS} versions, then cutover…`);
  await runPhase({ phase: 'change', sourceUrl, versions: CHANGED_VERSIONS });
  const cut = await runPhase({ phase: 'cutover', sourceUrl, targetUrl: target.url, ledger, freezeState: join(dir, 'freeze.json') });
  log(`cutover: ${(cut.ms / 1000).toFixed(2)} s, freeze window ${(Number(cut.details.freezeMs) / 1000).toFixed(2)} s`);

  return {
    firstPass: { ms: first.ms, cpuMs: first.cpuMs, writes: firstWrites, peakRssMiB: first.peakRssMiB, details: first.details },
    unchangedPass: {
      ms: unchanged.ms,
      cpuMs: unchanged.cpuMs,
      writes: unchangedWrites,
      peakRssMiB: unchanged.peakRssMiB,
      details: unchanged.details,
    },
    cutover: {
      ms: cut.ms,
      freezeMs: Number(cut.details.freezeMs),
      frozenScopes: Number(cut.details.frozenScopes),
      catchUpWrites: Number(cut.details['catch-upPassWrites']),
      finalWrites: Number(cut.details.finalPassWrites),
      peakRssMiB: cut.peakRssMiB,
    },
  };
}
