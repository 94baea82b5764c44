import { backoffDelayMs, isRetryableStatus, parseRetryAfter, resolveRetryOptions } from '../../../lambda/registry-client/retry';

describe('backoffDelayMs (full jitter)', () => {
  const options = resolveRetryOptions({ baseDelayMs: 200, maxDelayMs: 5000 });

  test('the ceiling doubles per attempt and is capped by maxDelayMs', () => {
    const top = () => 0.99999;
    expect([1, 2, 3, 4, 5, 6, 7].map((a) => backoffDelayMs(a, options, top))).toEqual([199, 399, 799, 1599, 3199, 4999, 4999]);
  });

  test('jitter spans the whole range from zero', () => {
    expect(backoffDelayMs(4, options, () => 0)).toBe(0);
    expect(backoffDelayMs(4, options, () => 0.5)).toBe(800);
  });

  test('Retry-After is a floor, still capped', () => {
    expect(backoffDelayMs(1, options, () => 0, 3000)).toBe(3000);
    expect(backoffDelayMs(1, options, () => 0, 60_000)).toBe(5000);
  });
});

test('defaults and validation', () => {
  expect(resolveRetryOptions(undefined)).toEqual({ maxAttempts: 5, baseDelayMs: 200, maxDelayMs: 5000 });
  expect(resolveRetryOptions({ maxAttempts: undefined, baseDelayMs: 10 })).toEqual({ maxAttempts: 5, baseDelayMs: 10, maxDelayMs: 5000 });
  expect(() => resolveRetryOptions({ maxAttempts: 0 })).toThrow('retry.maxAttempts must be an integer >= 1 (got 0)');
});

test('429 and 5xx are retryable, other statuses are not', () => {
  expect([429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
  expect([400, 401, 403, 404, 409, 422].some(isRetryableStatus)).toBe(false);
});

test('Retry-After in seconds or as an HTTP date', () => {
  expect(parseRetryAfter('2')).toBe(2000);
  expect(parseRetryAfter('Thu, 26 Nov 2026 10:00:05 GMT', Date.parse('Thu, 26 Nov 2026 10:00:00 GMT'))).toBe(5000);
  expect(parseRetryAfter('soon')).toBeUndefined();
  expect(parseRetryAfter(undefined)).toBeUndefined();
});
