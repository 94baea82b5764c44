/**
 * Sub-millisecond delays without spinning.
 *
 * `setTimeout` has whole-millisecond granularity (a 0.5 ms read would cost 1-2 ms), and spinning on
 * `setImmediate` + a clock is accurate only on an idle machine: under CPU contention the spinning
 * process is preempted for whole scheduler slices. Instead one helper thread sleeps in `Atomics.wait`
 * (a futex with a sub-millisecond timeout, so the kernel wakes it precisely) until the earliest pending
 * deadline, then posts the due ids back; the main loop wakes like for any I/O. Deadlines use
 * `process.hrtime.bigint()` (CLOCK_MONOTONIC), which every thread of the process shares.
 * Cost: one sleeping thread per process, no CPU burnt while waiting; typical error 0.1-0.25 ms.
 */
import { MessageChannel, MessagePort, Worker } from 'node:worker_threads';

/** The timer thread, in plain JavaScript so it runs under tsx, jest and compiled builds alike. */
const TIMER_THREAD = `
const { workerData, receiveMessageOnPort } = require('node:worker_threads');
const signal = new Int32Array(workerData.shared, 0, 1);
// Deadline (ns, monotonic) this thread sleeps until; -1 while awake or sleeping without a deadline.
const sleepingUntil = new BigInt64Array(workerData.shared, 8, 1);
const port = workerData.port;
const pending = [];
for (;;) {
  Atomics.store(sleepingUntil, 0, -1n);
  const seen = Atomics.load(signal, 0);
  let message;
  while ((message = receiveMessageOnPort(port)) !== undefined) pending.push(message.message);
  const now = process.hrtime.bigint();
  const due = [];
  let next = -1n;
  for (let i = pending.length - 1; i >= 0; i--) {
    if (pending[i].deadline <= now) {
      due.push(pending[i].id);
      pending.splice(i, 1);
    } else if (next < 0n || pending[i].deadline < next) {
      next = pending[i].deadline;
    }
  }
  if (due.length > 0) port.postMessage(due);
  if (next >= 0n) Atomics.store(sleepingUntil, 0, next);
  Atomics.wait(signal, 0, seen, next < 0n ? undefined : Number(next - now) / 1e6);
}
`;

interface TimerThread {
  readonly port: MessagePort;
  readonly signal: Int32Array;
  readonly sleepingUntil: BigInt64Array;
  readonly waiting: Map<number, () => void>;
  nextId: number;
}

let thread: TimerThread | undefined;

function timerThread(): TimerThread {
  if (thread) return thread;
  const { port1, port2 } = new MessageChannel();
  const shared = new SharedArrayBuffer(16);
  const worker = new Worker(TIMER_THREAD, { eval: true, workerData: { shared, port: port2 }, transferList: [port2] });
  worker.unref();
  const created: TimerThread = {
    port: port1,
    signal: new Int32Array(shared, 0, 1),
    sleepingUntil: new BigInt64Array(shared, 8, 1),
    waiting: new Map(),
    nextId: 1,
  };
  port1.on('message', (ids: number[]) => {
    for (const id of ids) {
      const resolve = created.waiting.get(id);
      created.waiting.delete(id);
      resolve?.();
    }
    // Only pending delays keep the process alive.
    if (created.waiting.size === 0) port1.unref();
  });
  port1.unref();
  thread = created;
  return created;
}

/** Resolves `ms` milliseconds from now (sub-millisecond accurate, never early); `ms <= 0` resolves at once. */
export function preciseDelay(ms: number): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return preciseDelayUntil(process.hrtime.bigint() + BigInt(Math.ceil(ms * 1e6)));
}

/** Resolves at `deadline` (`process.hrtime.bigint()` nanoseconds; never early); a past deadline resolves at once. */
export function preciseDelayUntil(deadline: bigint): Promise<void> {
  if (deadline <= process.hrtime.bigint()) return Promise.resolve();
  const t = timerThread();
  return new Promise<void>((resolve) => {
    const id = t.nextId++;
    t.waiting.set(id, resolve);
    t.port.ref();
    t.port.postMessage({ id, deadline });
    // Wake the thread only when it would otherwise sleep past this deadline (or is not sleeping on one):
    // equal latencies arrive in deadline order, so a burst of requests costs one wake-up.
    const sleepingUntil = Atomics.load(t.sleepingUntil, 0);
    if (sleepingUntil < 0n || deadline < sleepingUntil) {
      Atomics.add(t.signal, 0, 1);
      Atomics.notify(t.signal, 0);
    }
  });
}
