/**
 * Sub-millisecond delays. `setTimeout` rounds to whole milliseconds (and is often late by ~1 ms),
 * which would make 0.5 ms reads cost 1-2 ms. So: `setTimeout` covers the bulk of a long delay and
 * stops about 1.5 ms early; the rest is waited by ONE shared `setImmediate` poller that checks
 * `performance.now()` for every pending waiter. The poller yields to I/O on every turn, and it runs
 * only while some waiter is pending, so it costs at most one core while latencies are in flight and
 * nothing when the double is idle.
 */
import { performance } from 'node:perf_hooks';

const TIMER_SLACK_MS = 1.5;

interface Waiter {
  readonly deadline: number;
  readonly resolve: () => void;
}

const waiters: Waiter[] = [];
let polling = false;

function poll(): void {
  const now = performance.now();
  for (let i = waiters.length - 1; i >= 0; i--) {
    if (waiters[i].deadline <= now) {
      const [done] = waiters.splice(i, 1);
      done.resolve();
    }
  }
  if (waiters.length > 0) setImmediate(poll);
  else polling = false;
}

function spinUntil(deadline: number): Promise<void> {
  return new Promise((resolve) => {
    waiters.push({ deadline, resolve });
    if (!polling) {
      polling = true;
      setImmediate(poll);
    }
  });
}

/** Resolves `ms` milliseconds from now, accurate to a few tens of microseconds on an idle loop. */
export async function preciseDelay(ms: number): Promise<void> {
  if (ms <= 0) return;
  const deadline = performance.now() + ms;
  if (ms > TIMER_SLACK_MS + 1) {
    await new Promise<void>((resolve) => setTimeout(resolve, Math.floor(ms - TIMER_SLACK_MS)));
  }
  if (performance.now() < deadline) await spinUntil(deadline);
}
