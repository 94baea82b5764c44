import { fork } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startRegistryDouble, type RegistryDouble } from '../test/support/registry-double';
import { SUBJECTS, VERSIONS } from './corpus';
import type { PhaseRequest, PhaseResult } from './phase';
import { benchSync } from './sync-bench';
import { renderTable } from './table';

/**
 * `npm run bench`: 20,000 subject-versions with references, the registry
 * double at 2 ms per write and 0.5 ms per read. Measures export and import against two
 * baselines from the same run (the write floor and a naive sequential GET-then-POST
 * copier) and the peak RSS of each phase. The doubles run in this process; every
 * measured phase runs in its own child process, so its RSS and CPU are its own.
 * Prints a table and writes bench/out/results.json.
 */

const WRITE_LATENCY_MS = 2;
const READ_LATENCY_MS = 0.5;
/**
 * The naive copier runs on one pair of neighbouring subjects per block of this many pairs
 * (default 4: a quarter of the registry) and is scaled up; `BENCH_NAIVE_SAMPLE=1` runs it in full.
 */
const NAIVE_SAMPLE_BLOCK = Math.max(1, Number(process.env.BENCH_NAIVE_SAMPLE ?? 4));
const TARGETS = {
  exportSpeedupAtLeast: 10,
  importOverFloorAtMost: 1.3,
  peakRssMiBBelow: 256,
  firstSyncOverFloorAtMost: 1.1,
  freezeSecondsAtMost: 5,
};

export function runPhase(request: PhaseRequest): Promise<PhaseResult> {
  return new Promise((resolve, reject) => {
    const child = fork(join(__dirname, 'phase.ts'), [JSON.stringify(request)], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: PhaseResult | undefined;
    child.on('message', (message) => (result = message as PhaseResult));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 && result ? resolve(result) : reject(new Error(`bench phase "${request.phase}" exited with code ${code}`)),
    );
  });
}

async function main(): Promise<void> {
  const started = performance.now();
  const log = (line: string) => console.log(`[bench ${((performance.now() - started) / 1000).toFixed(1)}s] ${line}`);
  const doubles: RegistryDouble[] = [];
  const dir = await mkdtemp(join(tmpdir(), 'sr-bench-'));
  try {
    const [source, importTarget, naiveTarget, syncTarget] = await Promise.all([
      startRegistryDouble(),
      startRegistryDouble(),
      startRegistryDouble(),
      startRegistryDouble(),
    ]);
    doubles.push(source, importTarget, naiveTarget, syncTarget);

    log(`populating the source with ${SUBJECTS} subjects × ${VERSIONS} versions at 0 ms latency (not measured)…`);
    await runPhase({ phase: 'populate', sourceUrl: source.url });
    const sourceVersions = source.inspect.versionCount();
    log(`source holds ${sourceVersions} subject-versions`);

    for (const double of doubles) {
      double.setLatency({ writeLatencyMs: WRITE_LATENCY_MS, readLatencyMs: READ_LATENCY_MS });
      double.stats.reset();
    }

    const loadBefore = loadavg()[0];
    const idle = await runPhase({ phase: 'idle' });
    log(`baseline child process (tsx loaded, nothing done): ${idle.peakRssMiB.toFixed(0)} MiB`);

    const exportFile = join(dir, 'bench-export.jsonl.gz');
    log('export…');
    const exported = await runPhase({ phase: 'export', sourceUrl: source.url, out: exportFile });
    const exportReads = source.stats.reads;
    log(`export: ${(exported.ms / 1000).toFixed(2)} s, ${exportReads} reads`);

    log('import into an empty registry…');
    const imported = await runPhase({ phase: 'import', targetUrl: importTarget.url, in: exportFile });
    const importWrites = importTarget.stats.writes;
    const writeFloorMs = importWrites * WRITE_LATENCY_MS;
    log(`import: ${(imported.ms / 1000).toFixed(2)} s, ${importWrites} writes (floor ${(writeFloorMs / 1000).toFixed(2)} s)`);

    source.stats.reset();
    log(
      `naive copier (sequential GET then POST per version) on ${NAIVE_SAMPLE_BLOCK === 1 ? 'every subject' : `1 in ${NAIVE_SAMPLE_BLOCK} subjects`}…`,
    );
    const naive = await runPhase({ phase: 'naive', sourceUrl: source.url, targetUrl: naiveTarget.url, sampleBlock: NAIVE_SAMPLE_BLOCK });
    // Per-version cost is uniform across the corpus, so the sample scales linearly to the whole registry.
    const naiveScale = sourceVersions / Number(naive.details.versions);
    const naiveReadMs = Number(naive.details.readMs) * naiveScale;
    const naiveWriteMs = Number(naive.details.writeMs) * naiveScale;
    const naiveMs = naive.ms * naiveScale;
    log(
      `naive copier: ${naive.details.versions} versions in ${(naive.ms / 1000).toFixed(2)} s; ` +
        `scaled ×${naiveScale.toFixed(2)} to the whole registry: ${(naiveMs / 1000).toFixed(2)} s (reads ${(naiveReadMs / 1000).toFixed(2)} s)`,
    );

    const sync = await benchSync({ sourceUrl: source.url, target: syncTarget, dir, log, runPhase });

    const exportSpeedup = naiveReadMs / exported.ms;
    const importOverFloor = imported.ms / writeFloorMs;
    const peakRssMiB = Math.max(exported.peakRssMiB, imported.peakRssMiB, sync.firstPass.peakRssMiB, sync.cutover.peakRssMiB);
    const firstSyncOverFloor = sync.firstPass.ms / (sync.firstPass.writes * WRITE_LATENCY_MS);
    const results = {
      when: new Date().toISOString(),
      corpus: { subjects: SUBJECTS, versionsPerSubject: VERSIONS, subjectVersions: sourceVersions },
      latency: { writeMs: WRITE_LATENCY_MS, readMs: READ_LATENCY_MS },
      // Numbers from a shared machine: the 1-minute load average says how busy it was.
      machine: { cores: cpus().length, loadAverageBefore: loadBefore, loadAverageAfter: loadavg()[0] },
      export: { ms: exported.ms, cpuMs: exported.cpuMs, reads: exportReads, peakRssMiB: exported.peakRssMiB, ...exported.details },
      import: { ms: imported.ms, cpuMs: imported.cpuMs, writes: importWrites, peakRssMiB: imported.peakRssMiB, ...imported.details },
      baselines: {
        writeFloorMs,
        naiveCopier: {
          cpuMs: naive.cpuMs * naiveScale,
          ms: naiveMs,
          readMs: naiveReadMs,
          writeMs: naiveWriteMs,
          measured: {
            versions: Number(naive.details.versions),
            ms: naive.ms,
            readMs: Number(naive.details.readMs),
            writeMs: Number(naive.details.writeMs),
          },
          scale: naiveScale,
        },
        idleChildPeakRssMiB: idle.peakRssMiB,
      },
      sync: {
        firstPass: { ...sync.firstPass, overWriteFloor: firstSyncOverFloor },
        unchangedPass: { ...sync.unchangedPass, overExport: sync.unchangedPass.ms / exported.ms },
        cutover: sync.cutover,
      },
      ratios: { exportSpeedupOverNaiveReads: exportSpeedup, importOverWriteFloor: importOverFloor, peakRssMiB },
      targets: TARGETS,
      pass: {
        export: exportSpeedup >= TARGETS.exportSpeedupAtLeast,
        import: importOverFloor <= TARGETS.importOverFloorAtMost,
        memory: peakRssMiB < TARGETS.peakRssMiBBelow,
        firstSync: firstSyncOverFloor <= TARGETS.firstSyncOverFloorAtMost,
        unchangedSync: sync.unchangedPass.writes === 0,
        freeze: sync.cutover.freezeMs / 1000 <= TARGETS.freezeSecondsAtMost,
      },
    };

    console.log(`\n${renderTable(results)}\n`);
    const outDir = join(__dirname, 'out');
    await mkdir(outDir, { recursive: true });
    await writeFile(join(outDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    log(`results written to bench/out/results.json (total ${((performance.now() - started) / 1000).toFixed(0)} s)`);
    if (Object.values(results.pass).some((ok) => !ok)) process.exitCode = 1;
  } finally {
    await Promise.all(doubles.map((double) => double.close()));
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
