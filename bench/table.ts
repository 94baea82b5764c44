/** The benchmark's summary table (plain text, fixed-width columns). */
export interface TableInput {
  readonly corpus: { readonly subjectVersions: number };
  readonly latency: { readonly writeMs: number; readonly readMs: number };
  readonly machine: { readonly cores: number; readonly loadAverageBefore: number; readonly loadAverageAfter: number };
  readonly export: { readonly ms: number; readonly cpuMs: number; readonly reads: number; readonly peakRssMiB: number };
  readonly import: { readonly ms: number; readonly cpuMs: number; readonly writes: number; readonly peakRssMiB: number };
  readonly baselines: {
    readonly writeFloorMs: number;
    readonly naiveCopier: { readonly ms: number; readonly readMs: number; readonly writeMs: number; readonly scale: number };
    readonly idleChildPeakRssMiB: number;
  };
  readonly sync: {
    readonly firstPass: { readonly ms: number; readonly writes: number; readonly overWriteFloor: number; readonly peakRssMiB: number };
    readonly unchangedPass: { readonly ms: number; readonly writes: number; readonly overExport: number };
    readonly cutover: {
      readonly ms: number;
      readonly freezeMs: number;
      readonly finalWrites: number;
      readonly catchUpWrites: number;
      readonly peakRssMiB: number;
    };
  };
  readonly ratios: { readonly exportSpeedupOverNaiveReads: number; readonly importOverWriteFloor: number; readonly peakRssMiB: number };
  readonly targets: {
    readonly exportSpeedupAtLeast: number;
    readonly importOverFloorAtMost: number;
    readonly peakRssMiBBelow: number;
    readonly firstSyncOverFloorAtMost: number;
    readonly freezeSecondsAtMost: number;
  };
  readonly pass: {
    readonly export: boolean;
    readonly import: boolean;
    readonly memory: boolean;
    readonly firstSync: boolean;
    readonly unchangedSync: boolean;
    readonly freeze: boolean;
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mib = (value: number) => `${value.toFixed(0)} MiB`;
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

export function renderTable(r: TableInput): string {
  const rows: string[][] = [
    ['measure', 'value', 'baseline / target', 'result'],
    [
      'export (20k versions, to file)',
      seconds(r.export.ms),
      `naive reads ${seconds(r.baselines.naiveCopier.readMs)}; ≥ ${r.targets.exportSpeedupAtLeast}× faster`,
      `${r.ratios.exportSpeedupOverNaiveReads.toFixed(1)}× ${verdict(r.pass.export)}`,
    ],
    [
      'import (empty target)',
      seconds(r.import.ms),
      `write floor ${seconds(r.baselines.writeFloorMs)} (${r.import.writes} writes × ${r.latency.writeMs} ms); ≤ ${r.targets.importOverFloorAtMost}×`,
      `${r.ratios.importOverWriteFloor.toFixed(2)}× ${verdict(r.pass.import)}`,
    ],
    [
      'sync: first pass (empty target)',
      seconds(r.sync.firstPass.ms),
      `write floor ${seconds(r.sync.firstPass.writes * r.latency.writeMs)} (${r.sync.firstPass.writes} writes); ≤ ${r.targets.firstSyncOverFloorAtMost}×`,
      `${r.sync.firstPass.overWriteFloor.toFixed(2)}× ${verdict(r.pass.firstSync)}`,
    ],
    [
      'sync: pass over an unchanged source',
      seconds(r.sync.unchangedPass.ms),
      `${r.sync.unchangedPass.writes} writes (0 expected); export ${seconds(r.export.ms)}`,
      `${r.sync.unchangedPass.overExport.toFixed(2)}× an export ${verdict(r.pass.unchangedSync)}`,
    ],
    [
      'cutover after 100 new versions',
      `window ${seconds(r.sync.cutover.freezeMs)}`,
      `whole cut-over ${seconds(r.sync.cutover.ms)} (catch-up ${r.sync.cutover.catchUpWrites} writes, final ${r.sync.cutover.finalWrites}); window ≤ ${r.targets.freezeSecondsAtMost} s`,
      verdict(r.pass.freeze),
    ],
    [
      'peak RSS (export, import, sync, cutover)',
      `${mib(r.export.peakRssMiB)}, ${mib(r.import.peakRssMiB)}, ${mib(r.sync.firstPass.peakRssMiB)}, ${mib(r.sync.cutover.peakRssMiB)}`,
      `< ${r.targets.peakRssMiBBelow} MiB (idle tsx child: ${mib(r.baselines.idleChildPeakRssMiB)})`,
      verdict(r.pass.memory),
    ],
    [
      'naive copier (GET then POST, sequential)',
      seconds(r.baselines.naiveCopier.ms),
      `reads ${seconds(r.baselines.naiveCopier.readMs)}, writes ${seconds(r.baselines.naiveCopier.writeMs)}${r.baselines.naiveCopier.scale > 1.001 ? ` (sample ×${r.baselines.naiveCopier.scale.toFixed(2)})` : ''}`,
      `import is ${(r.baselines.naiveCopier.ms / r.import.ms).toFixed(1)}× faster`,
    ],
  ];
  const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => row[col].length)));
  const line = (row: string[]) => row.map((cell, col) => cell.padEnd(widths[col])).join(' │ ');
  const rule = widths.map((w) => '─'.repeat(w)).join('─┼─');
  const title = `sr-migrate benchmark: ${r.corpus.subjectVersions} subject-versions, double at ${r.latency.writeMs} ms/write, ${r.latency.readMs} ms/read`;
  const machine =
    `machine: ${r.machine.cores} cores, load average ${r.machine.loadAverageBefore.toFixed(1)} before / ${r.machine.loadAverageAfter.toFixed(1)} after; ` +
    `CPU used: export ${seconds(r.export.cpuMs)} (${r.export.reads} reads), import ${seconds(r.import.cpuMs)}`;
  return [title, machine, '', line(rows[0]), rule, ...rows.slice(1).map(line)].join('\n');
}
