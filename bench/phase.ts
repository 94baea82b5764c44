import { stat } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { HttpSchemaRegistryClient } from '../lambda/registry-client/client';
import { exportRegistry } from '../lambda/migration/export';
import { loadExport } from '../lambda/migration/format/reader';
import { importExport } from '../lambda/migration/import';
import { naiveCopy } from './naive-copier';
import { changeSource, populateBenchRegistry } from './populate';
import { cutover, syncPass } from '../lambda/migration/sync';

/**
 * One measured phase, run in its own child process so its peak RSS
 * (`process.resourceUsage().maxRSS`) is its own. Started by bench/run.ts with the phase
 * name and a JSON argument; answers with one IPC message.
 */
export type PhaseRequest =
  | { readonly phase: 'idle' }
  | { readonly phase: 'export'; readonly sourceUrl: string; readonly out: string }
  | { readonly phase: 'import'; readonly targetUrl: string; readonly in: string; readonly concurrency?: number }
  | { readonly phase: 'populate'; readonly sourceUrl: string }
  | { readonly phase: 'naive'; readonly sourceUrl: string; readonly targetUrl: string; readonly sampleBlock: number }
  | { readonly phase: 'sync'; readonly sourceUrl: string; readonly targetUrl: string; readonly ledger: string }
  | { readonly phase: 'change'; readonly sourceUrl: string; readonly versions: number }
  | {
      readonly phase: 'cutover';
      readonly sourceUrl: string;
      readonly targetUrl: string;
      readonly ledger: string;
      readonly freezeState: string;
    };

export interface PhaseResult {
  readonly phase: PhaseRequest['phase'];
  /** Wall time of the measured operation only (process start-up excluded). */
  readonly ms: number;
  /** Peak resident set size of this process, MiB. */
  readonly peakRssMiB: number;
  /** CPU time (user + system) this process used for the whole phase, ms: far below `ms` means it waited (latency, or a busy machine). */
  readonly cpuMs: number;
  readonly details: Record<string, number | string | boolean>;
}

function client(url: string): HttpSchemaRegistryClient {
  return new HttpSchemaRegistryClient({ url, timeoutMs: 120_000 });
}

/** Time from `start` to the first progress report of each engine phase: where the time goes. */
function phaseStarts(start: number): { steps: Record<string, number>; onProgress: (progress: { phase: string }) => void } {
  const steps: Record<string, number> = {};
  return { steps, onProgress: (p) => void (steps[`${p.phase}StartedAtMs`] ??= performance.now() - start) };
}

async function run(request: PhaseRequest): Promise<PhaseResult> {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const done = (details: PhaseResult['details']): PhaseResult => {
    const cpu = process.cpuUsage(cpuStart);
    return {
      phase: request.phase,
      ms: performance.now() - start,
      peakRssMiB: process.resourceUsage().maxRSS / 1024,
      cpuMs: (cpu.user + cpu.system) / 1000,
      details,
    };
  };
  switch (request.phase) {
    case 'idle':
      return done({});
    case 'export': {
      const api = client(request.sourceUrl);
      const result = await exportRegistry(api, request.out);
      api.close();
      return done({ schemas: result.counts.schema, method: result.method, lines: result.lines, bytes: (await stat(request.out)).size });
    }
    case 'import': {
      const loadStart = performance.now();
      const loaded = await loadExport(request.in);
      const loadMs = performance.now() - loadStart;
      const api = client(request.targetUrl);
      const importStart = performance.now();
      const { steps, onProgress } = phaseStarts(importStart);
      const result = await importExport(api, loaded, { concurrency: request.concurrency, onProgress });
      const importMs = performance.now() - importStart;
      api.close();
      return {
        ...done({ loadMs, written: result.written, complete: result.complete, registered: result.counts.registered, ...steps }),
        ms: importMs,
      };
    }
    case 'populate': {
      const api = client(request.sourceUrl);
      const result = await populateBenchRegistry(api);
      api.close();
      return done({ versions: result.versions });
    }
    case 'sync': {
      const [source, target] = [client(request.sourceUrl), client(request.targetUrl)];
      const { steps, onProgress } = phaseStarts(start);
      const result = await syncPass(source, target, { ledgerLocation: request.ledger, onProgress });
      source.close();
      target.close();
      return done({
        ...steps,
        written: result.written,
        versionsBehind: result.versionsBehind,
        complete: result.complete,
        registered: result.counts.registered,
      });
    }
    case 'change': {
      const source = client(request.sourceUrl);
      await changeSource(source, request.versions);
      source.close();
      return done({ versions: request.versions });
    }
    case 'cutover': {
      const [source, target] = [client(request.sourceUrl), client(request.targetUrl)];
      const passes: Record<string, number> = {};
      const result = await cutover(source, target, {
        ledgerLocation: request.ledger,
        freezeStateLocation: request.freezeState,
        onPass: (name, pass) => {
          passes[`${name}PassMs`] = pass.seconds * 1000;
          passes[`${name}PassWrites`] = pass.written;
        },
      });
      source.close();
      target.close();
      if (!result.ok) throw new Error(`cut-over failed at ${result.failedStep}: ${result.error}`);
      return done({
        freezeMs: result.freezeSeconds! * 1000,
        frozenScopes: result.frozenScopes,
        restoredModes: result.restoredModes,
        ...passes,
      });
    }
    case 'naive': {
      const source = client(request.sourceUrl);
      const target = client(request.targetUrl);
      // Pairs of neighbouring subjects (a referrer and the subject it references), one pair per block.
      const block = request.sampleBlock;
      const result = await naiveCopy(source, target, (position) => position % (2 * block) < 2);
      source.close();
      target.close();
      return done({ readMs: result.readMs, writeMs: result.writeMs, versions: result.versions, subjects: result.subjects });
    }
  }
}

const request = JSON.parse(process.argv[2] ?? '{"phase":"idle"}') as PhaseRequest;
run(request).then(
  (result) => process.send!(result, () => process.exit(0)),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
