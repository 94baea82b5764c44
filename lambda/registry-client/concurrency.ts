import pLimit = require('p-limit');

/** A bounded-concurrency limiter (p-limit): `limit(() => work())` runs at most `n` at once. */
export type Limiter = pLimit.Limit;

/** Creates a limiter allowing `concurrency` tasks in flight (>= 1). */
export function createLimiter(concurrency: number): Limiter {
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new Error(`concurrency must be an integer >= 1 (got ${concurrency})`);
  }
  return pLimit(concurrency);
}

/**
 * Maps `items` through `fn` with at most `concurrency` calls in flight; results keep
 * the input order. Rejects with the first failure (calls already running finish on their own).
 */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const limit = createLimiter(concurrency);
  try {
    return await Promise.all(items.map((item, index) => limit(() => fn(item, index))));
  } finally {
    limit.clearQueue();
  }
}
