import { createLimiter, mapWithConcurrency } from '../../../lambda/registry-client/concurrency';

test('mapWithConcurrency keeps order and never exceeds the bound', async () => {
  let active = 0;
  let peak = 0;
  const result = await mapWithConcurrency([5, 1, 4, 2, 3, 0], 2, async (n) => {
    active++;
    peak = Math.max(peak, active);
    await new Promise((resolve) => setTimeout(resolve, n));
    active--;
    return n * 10;
  });
  expect(result).toEqual([50, 10, 40, 20, 30, 0]);
  expect(peak).toBe(2);
});

test('mapWithConcurrency rejects with the first failure', async () => {
  await expect(
    mapWithConcurrency([1, 2, 3], 1, async (n) => {
      if (n === 2) throw new Error('boom 2');
      return n;
    }),
  ).rejects.toThrow('boom 2');
});

test('a limit below 1 is refused', () => {
  expect(() => createLimiter(0)).toThrow('concurrency must be an integer >= 1 (got 0)');
});
