import { fork } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { startRegistryDouble } from '../test/support/registry-double';
import type { PhaseRequest, PhaseResult } from './phase';

/**
 * CPU profile of the export phase exactly as `npm run bench` runs it:
 * `npx tsx bench/profile-export.ts [--top=25] [--runs=1] [--no-profile] [--keep=dir]`.
 *
 * Starts the registry double in this process, fills it through the `populate` phase
 * (bench/populate.ts, 0 ms latency), sets the bench's 0.5 ms read latency and runs the
 * `export` phase of bench/phase.ts in a child process with `--cpu-prof`. Prints the child's
 * wall time and CPU, the double's CPU over the same time (when it nears the wall time, the double is
 * the bottleneck, not the export), and the top functions by self time (aggregated by function and file).
 * `--runs=N` repeats the export N times (same populated double) to see the spread;
 * `--no-profile` measures without the profiler's own overhead.
 */

const READ_LATENCY_MS = 0.5;

interface Args {
  readonly top: number;
  readonly runs: number;
  readonly profile: boolean;
  /** Copy each .cpuprofile here (open it in Chrome DevTools). */
  readonly keep?: string;
}

function parseArgs(argv: readonly string[]): Args {
  const value = (name: string, fallback: number): number => {
    const arg = argv.find((a) => a.startsWith(`--${name}=`));
    const n = arg === undefined ? fallback : Number(arg.slice(name.length + 3));
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be an integer >= 1 (got ${arg})`);
    return n;
  };
  const keep = argv.find((a) => a.startsWith('--keep='))?.slice('--keep='.length);
  return { top: value('top', 25), runs: value('runs', 1), profile: !argv.includes('--no-profile'), ...(keep ? { keep } : {}) };
}

function runPhase(request: PhaseRequest, execArgv: string[]): Promise<PhaseResult> {
  return new Promise((resolve, reject) => {
    const child = fork(join(__dirname, 'phase.ts'), [JSON.stringify(request)], {
      execArgv,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: PhaseResult | undefined;
    child.on('message', (message) => (result = message as PhaseResult));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 && result ? resolve(result) : reject(new Error(`phase "${request.phase}" exited with code ${code}`)),
    );
  });
}

/** The parts of a V8 .cpuprofile this summary reads. */
interface CpuProfile {
  readonly nodes: ReadonlyArray<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Self time per function (name + file:line), largest first, in ms. */
function selfTimes(profile: CpuProfile): Array<{ name: string; ms: number }> {
  const byNode = new Map<number, number>();
  profile.samples.forEach((id, i) => byNode.set(id, (byNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const micros = byNode.get(node.id);
    if (!micros) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url.startsWith('file://') ? relative(process.cwd(), url.slice('file://'.length)) : url;
    const name = `${functionName || '(anonymous)'} ${file ? `${file}:${lineNumber + 1}` : ''}`.trim();
    byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
  }
  return [...byFunction.entries()].map(([name, micros]) => ({ name, ms: micros / 1000 })).sort((a, b) => b.ms - a.ms);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const dir = await mkdtemp(join(tmpdir(), 'sr-profile-'));
  const source = await startRegistryDouble();
  try {
    await runPhase({ phase: 'populate', sourceUrl: source.url }, ['--import', 'tsx']);
    console.log(`source holds ${source.inspect.versionCount()} subject-versions`);
    source.setLatency({ readLatencyMs: READ_LATENCY_MS });

    for (let run = 1; run <= args.runs; run++) {
      const profileDir = join(dir, `run-${run}`);
      source.stats.reset();
      const execArgv = args.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--import', 'tsx'] : ['--import', 'tsx'];
      const doubleCpu = process.cpuUsage();
      const result = await runPhase({ phase: 'export', sourceUrl: source.url, out: join(dir, `export-${run}.jsonl.gz`) }, execArgv);
      const doubleCpuUsed = process.cpuUsage(doubleCpu);
      console.log(
        `run ${run}: export ${(result.ms / 1000).toFixed(2)} s wall, ${(result.cpuMs / 1000).toFixed(2)} s CPU, ` +
          `${source.stats.reads} reads, ${result.details.lines} lines${args.profile ? ' (profiled)' : ''}; ` +
          `the double used ${((doubleCpuUsed.user + doubleCpuUsed.system) / 1e6).toFixed(2)} s CPU meanwhile (child start-up included)`,
      );
      if (!args.profile) continue;
      const [file] = await readdir(profileDir);
      if (args.keep) await cp(join(profileDir, file), join(args.keep, `export-run-${run}.cpuprofile`));
      const profile = JSON.parse(await readFile(join(profileDir, file), 'utf8')) as CpuProfile;
      const times = selfTimes(profile);
      const total = times.reduce((sum, t) => sum + t.ms, 0);
      console.log(`  top ${args.top} by self time (of ${total.toFixed(0)} ms sampled, whole child process):`);
      for (const t of times.slice(0, args.top)) {
        console.log(`  ${t.ms.toFixed(1).padStart(8)} ms ${((100 * t.ms) / total).toFixed(1).padStart(5)}%  ${t.name}`);
      }
    }
  } finally {
    await source.close();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
