import { hasTimeToVerify, importSliceDeadline, seedTimingFromEnv } from '../../../../lambda/handlers/seed/timing';

test('reads the budget and slice cap from the environment, with defaults', () => {
  expect(seedTimingFromEnv({})).toMatchObject({ budgetMs: 48 * 60_000, invocationMarginMs: 30_000, maxWritesPerSlice: undefined });
  expect(seedTimingFromEnv({ SEED_TIMEOUT_SECONDS: '600', SEED_MAX_WRITES_PER_SLICE: '25' })).toMatchObject({
    budgetMs: 600_000,
    maxWritesPerSlice: 25,
  });
  expect(seedTimingFromEnv({ SEED_TIMEOUT_SECONDS: 'nonsense' }).budgetMs).toBe(48 * 60_000);
});

test('a slice uses its share of the invocation minus the margin, never past the overall deadline', () => {
  const timing = seedTimingFromEnv({});
  // 14 minutes left: (840 s - 30 s) * 0.6 = 486 s.
  expect(importSliceDeadline(0, 840_000, Number.MAX_SAFE_INTEGER, timing)).toBe(486_000);
  expect(importSliceDeadline(0, 840_000, 100_000, timing)).toBe(100_000);
  expect(importSliceDeadline(0, 10_000, Number.MAX_SAFE_INTEGER, timing)).toBe(0);
});

test('verify runs in the same invocation only while half of its reserve is left', () => {
  const timing = seedTimingFromEnv({});
  // Reserve = (840 - 30) * 0.4 = 324 s; half = 162 s above the margin.
  expect(hasTimeToVerify(840_000, 840_000, timing)).toBe(true);
  expect(hasTimeToVerify(30_000 + 162_000, 840_000, timing)).toBe(true);
  expect(hasTimeToVerify(30_000 + 161_000, 840_000, timing)).toBe(false);
});
