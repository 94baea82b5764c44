import pLimit = require('p-limit');

/** A bounded-concurrency limiter (p-limit): `limit(() => work())` runs at most `n` at once. */
export type Limiter = pLimit.Limit;

/** Creates a limiter allowing `concurrency` tasks in flight (>= 1). */
export function createLimiter(concurrency: number): Limiter {
  checkConcurrency(concurrency);
  return pLimit(concurrency);
}

/**
 * Maps `items` through `fn` with at most `concurrency` calls in flight; results keep
 * the input order. Rejects with the first failure and starts no further calls (calls already
 * running finish on their own).
 *
 * A fixed pool of `concurrency` workers pulls the next index: per item that is one call of
 * `fn` and nothing else, where a queueing limiter adds several promises and a queue entry per
 * item (it showed in export profiles, which map over every subject).
 */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  checkConcurrency(concurrency);
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await fn(items[index], index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const workers: Array<Promise<void>> = [];
  for (let w = Math.min(concurrency, items.length); w > 0; w--) workers.push(worker());
  await Promise.all(workers);
  return results;
}

function checkConcurrency(concurrency: number): void {
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new Error(`concurrency must be an integer >= 1 (got ${concurrency})`);
  }
}
