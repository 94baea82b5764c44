import { fork } from 'node:child_process';
import { HttpSchemaRegistryClient } from '../lambda/registry-client/client';
import { startRegistryDouble, type RegistryDouble } from '../test/support/registry-double';

/**
 * Micro-benchmark of the CPU one registry request costs: `npx tsx bench/request-overhead.ts`.
 *
 * Runs N GETs of an unset subject config (404, error_code 40408), N GETs of one schema
 * version (200) and a few GETs of a 1000-schema page through `HttpSchemaRegistryClient`
 * against the registry double, 16 in flight (`--concurrency`), and prints CPU µs per
 * request for the client and for the double. By default the double runs in a child process
 * (as in `npm run bench`, where the doubles live in the main process and each phase in a
 * child), so each side's `process.cpuUsage()` is its own; `--in-process` runs both in one
 * process, where only the sum can be measured.
 *
 * Options: `--n=20000` requests per small case, `--pages=40` page requests,
 * `--latency=0` double read latency in ms, `--concurrency=16` requests in flight, `--in-process`.
 */

const SUBJECTS = 1000;
const PAGE_LIMIT = 1000;

interface Args {
  readonly n: number;
  readonly pages: number;
  readonly latencyMs: number;
  readonly inProcess: boolean;
  readonly concurrency: number;
}

/** Messages between this process and the double's child process. */
type ToChild = { readonly type: 'cpu' } | { readonly type: 'latency'; readonly readLatencyMs: number };
type FromChild = { readonly type: 'ready'; readonly url: string } | { readonly type: 'cpu'; readonly micros: number };

function parseArgs(argv: readonly string[]): Args {
  const value = (name: string, fallback: number): number => {
    const arg = argv.find((a) => a.startsWith(`--${name}=`));
    if (arg === undefined) return fallback;
    const n = Number(arg.slice(name.length + 3));
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a number >= 0 (got ${arg})`);
    return n;
  };
  const concurrency = value('concurrency', 16);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error(`--concurrency must be an integer >= 1 (got ${concurrency})`);
  return {
    n: value('n', 20_000),
    pages: value('pages', 40),
    latencyMs: value('latency', 0),
    inProcess: argv.includes('--in-process'),
    concurrency,
  };
}

function cpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

/** The side of the benchmark that measures the double's CPU, in this process or a child. */
interface DoubleHandle {
  readonly url: string;
  cpuMicros(): Promise<number>;
  setReadLatency(ms: number): Promise<void>;
  close(): Promise<void>;
}

async function inProcessDouble(): Promise<DoubleHandle> {
  const double: RegistryDouble = await startRegistryDouble();
  return {
    url: double.url,
    cpuMicros: async () => cpuMicros(),
    setReadLatency: async (ms) => double.setLatency({ readLatencyMs: ms }),
    close: () => double.close(),
  };
}

async function childDouble(): Promise<DoubleHandle> {
  const child = fork(__filename, ['--serve'], { execArgv: process.execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = <T extends FromChild['type']>(type: T): Promise<Extract<FromChild, { type: T }>> =>
    new Promise((resolve, reject) => {
      const onMessage = (message: FromChild) => {
        if (message.type !== type) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(message as Extract<FromChild, { type: T }>);
      };
      const onExit = (code: number | null) => reject(new Error(`the registry double child exited with code ${code}`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const ready = await next('ready');
  const ask = (message: ToChild) => child.send(message);
  return {
    url: ready.url,
    cpuMicros: async () => {
      const answer = next('cpu');
      ask({ type: 'cpu' });
      return (await answer).micros;
    },
    setReadLatency: async (ms) => {
      ask({ type: 'latency', readLatencyMs: ms });
      // The next CPU answer comes after the latency message was handled (IPC keeps order).
      const answer = next('cpu');
      ask({ type: 'cpu' });
      await answer;
    },
    close: async () => {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.disconnect();
      await exited;
    },
  };
}

/** Child process: serve a double, answer CPU queries, exit when the parent disconnects. */
async function serve(): Promise<void> {
  const double = await startRegistryDouble();
  process.on('message', (message: ToChild) => {
    if (message.type === 'cpu') process.send!({ type: 'cpu', micros: cpuMicros() } satisfies FromChild);
    else double.setLatency({ readLatencyMs: message.readLatencyMs });
  });
  process.once('disconnect', () => void double.close().then(() => process.exit(0)));
  process.send!({ type: 'ready', url: double.url } satisfies FromChild);
}

/** Runs `count` calls of `fn`, `concurrency` in flight. */
async function drive(count: number, fn: (i: number) => Promise<unknown>, concurrency = 16): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await fn(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

interface CaseResult {
  readonly name: string;
  readonly requests: number;
  readonly wallMs: number;
  readonly clientMicros: number;
  readonly serverMicros: number;
}

async function measure(
  name: string,
  requests: number,
  double: DoubleHandle,
  args: Args,
  fn: (i: number) => Promise<unknown>,
): Promise<CaseResult> {
  const { inProcess, concurrency } = args;
  await drive(Math.min(requests, 2000), fn, concurrency); // warm-up: JIT, sockets
  const serverStart = await double.cpuMicros();
  const clientStart = cpuMicros();
  const wallStart = performance.now();
  await drive(requests, fn, concurrency);
  const wallMs = performance.now() - wallStart;
  const clientMicros = cpuMicros() - clientStart;
  const serverMicros = (await double.cpuMicros()) - serverStart;
  // In one process both counters are the same clock: report the total as "client", server unknown.
  return { name, requests, wallMs, clientMicros, serverMicros: inProcess ? Number.NaN : serverMicros };
}

function render(results: readonly CaseResult[], args: Args): string {
  const lines = [
    `request overhead: ${args.inProcess ? 'client and double in ONE process (CPU columns are the sum)' : 'double in a child process'}, ` +
      `${args.concurrency} in flight, read latency ${args.latencyMs} ms`,
    `${'case'.padEnd(30)}${'requests'.padStart(10)}${'wall ms'.padStart(10)}${'client µs/req'.padStart(16)}${'double µs/req'.padStart(16)}`,
  ];
  for (const r of results) {
    const per = (micros: number) => (Number.isNaN(micros) ? 'n/a' : (micros / r.requests).toFixed(1));
    lines.push(
      `${r.name.padEnd(30)}${String(r.requests).padStart(10)}${r.wallMs.toFixed(0).padStart(10)}` +
        `${per(r.clientMicros).padStart(16)}${per(r.serverMicros).padStart(16)}`,
    );
  }
  return lines.join('\n');
}

async function main(args: Args): Promise<void> {
  const double = args.inProcess ? await inProcessDouble() : await childDouble();
  const api = new HttpSchemaRegistryClient({ url: double.url });
  try {
    await api.putMode(undefined, 'IMPORT');
    const subjects = Array.from({ length: SUBJECTS }, (_, i) => `overhead-${String(i).padStart(5, '0')}-value`);
    await drive(subjects.length, (i) =>
      api.register(subjects[i], {
        schema: JSON.stringify({ type: 'record', name: `R${i}`, fields: [{ name: 'f', type: 'string' }] }),
        schemaType: 'AVRO',
        id: i + 1,
        version: 1,
      }),
    );
    await api.putMode(undefined, 'READWRITE', { force: true });
    await double.setReadLatency(args.latencyMs);

    const results: CaseResult[] = [];
    results.push(
      await measure('GET /config/{s} (404 40408)', args.n, double, args, async (i) => {
        if ((await api.getConfig(subjects[i % SUBJECTS])) !== undefined) throw new Error('expected an unset config');
      }),
    );
    results.push(
      await measure('GET /subjects/{s}/versions/1', args.n, double, args, async (i) => {
        if ((await api.getVersion(subjects[i % SUBJECTS], 1)) === undefined) throw new Error('expected a schema');
      }),
    );
    results.push(
      await measure(`GET /schemas (${PAGE_LIMIT}-schema page)`, args.pages, double, args, async () => {
        const page = await api.listSchemasPage({ subjectPrefix: ':*:', deleted: true, offset: 0, limit: PAGE_LIMIT });
        if (page.length !== PAGE_LIMIT) throw new Error(`expected ${PAGE_LIMIT} schemas, got ${page.length}`);
      }),
    );
    console.log(render(results, args));
  } finally {
    api.close();
    await double.close();
  }
}

if (process.argv.includes('--serve')) {
  serve().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main(parseArgs(process.argv.slice(2))).catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  });
}
