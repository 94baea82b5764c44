/**
 * Bounded retries with exponential backoff and full jitter
 * (delay = random(0, min(maxDelay, base * 2^(attempt-1)))).
 */

export interface RetryOptions {
  /**
   * Attempts in total, the first included.
   * @default 5
   */
  readonly maxAttempts?: number;
  /**
   * Backoff base: the cap of the first retry's delay.
   * @default 200
   */
  readonly baseDelayMs?: number;
  /**
   * Cap on a single delay, also on a server's Retry-After.
   * @default 5000
   */
  readonly maxDelayMs?: number;
}

export type ResolvedRetryOptions = Required<RetryOptions>;

export const DEFAULT_RETRY: ResolvedRetryOptions = { maxAttempts: 5, baseDelayMs: 200, maxDelayMs: 5000 };

/** What the client tells an `onRetry` hook; contains no credentials. */
export interface RetryEvent {
  /** "GET /subjects/orders-value/versions" (path only, no query). */
  readonly operation: string;
  /** The attempt that just failed (1-based). */
  readonly attempt: number;
  readonly maxAttempts: number;
  /** How long the client waits before the next attempt. */
  readonly delayMs: number;
  /** "HTTP 503 (error_code 50003)", "ECONNRESET", "timeout after 30000 ms". */
  readonly reason: string;
}

export function resolveRetryOptions(options: RetryOptions | undefined): ResolvedRetryOptions {
  const resolved = { ...DEFAULT_RETRY, ...stripUndefined(options ?? {}) };
  if (!Number.isInteger(resolved.maxAttempts) || resolved.maxAttempts < 1) {
    throw new Error(`retry.maxAttempts must be an integer >= 1 (got ${resolved.maxAttempts})`);
  }
  if (!(resolved.baseDelayMs >= 0) || !(resolved.maxDelayMs >= 0)) {
    throw new Error('retry.baseDelayMs and retry.maxDelayMs must be >= 0');
  }
  return resolved;
}

/**
 * Delay before the retry that follows failed attempt `attempt` (1-based).
 * `retryAfterMs` (from a 429/503 Retry-After header) raises the floor, still capped by maxDelayMs.
 */
export function backoffDelayMs(
  attempt: number,
  options: ResolvedRetryOptions,
  random: () => number = Math.random,
  retryAfterMs?: number,
): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.floor(random() * ceiling);
  const floor = retryAfterMs !== undefined ? Math.min(retryAfterMs, options.maxDelayMs) : 0;
  return Math.max(jittered, floor);
}

/** 429 and every 5xx are retried; other statuses are answers. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

/** Parses Retry-After (seconds or HTTP date) into milliseconds. */
export function parseRetryAfter(value: unknown, now: number = Date.now()): number | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
