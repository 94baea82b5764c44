import { runPipeline, WriteBudget } from '../../../../lambda/migration/import/pipeline';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('runPipeline', () => {
  it('keeps up to `concurrency` items in flight and starts an item only after its dependencies answered', async () => {
    // 0..5 independent, 6 after 0 and 5.
    const items = [...Array.from({ length: 6 }, () => ({ after: [] as number[] })), { after: [0, 5] }];
    const finished = new Set<number>();
    let inFlight = 0;
    let peak = 0;
    const outcome = await runPipeline(
      items,
      async (item, index) => {
        for (const dep of item.after) expect(finished.has(dep)).toBe(true);
        inFlight++;
        peak = Math.max(peak, inFlight);
        await tick(5);
        inFlight--;
        finished.add(index);
      },
      { concurrency: 3, budget: new WriteBudget() },
    );
    expect(outcome).toEqual({ done: 7, stopped: false });
    expect(peak).toBe(3);
  });

  it('stops starting items when the write budget is used up and reports it', async () => {
    const budget = new WriteBudget(4);
    const ran: number[] = [];
    const outcome = await runPipeline(
      Array.from({ length: 10 }, () => ({})),
      async (_, i) => void ran.push(i),
      { concurrency: 2, budget },
    );
    expect(outcome).toEqual({ done: 4, stopped: true });
    expect(ran).toEqual([0, 1, 2, 3]);
    expect(budget.writes).toBe(4);
  });

  it('stops at the deadline', async () => {
    let now = 0;
    const budget = new WriteBudget(undefined, 3, () => now);
    const outcome = await runPipeline(
      Array.from({ length: 10 }, () => ({})),
      async () => void now++,
      { concurrency: 1, budget },
    );
    expect(outcome.stopped).toBe(true);
    expect(outcome.done).toBe(3);
  });

  it('waits for in-flight items after a failure, then rejects with the first error and starts nothing else', async () => {
    const started: number[] = [];
    let releaseFirst: () => void = () => undefined;
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstFinished = false;
    const run = runPipeline(
      Array.from({ length: 6 }, () => ({})),
      async (_, i) => {
        started.push(i);
        if (i === 0) {
          await firstHeld;
          firstFinished = true;
          return;
        }
        // Item 1 fails while item 0 is still in flight.
        setTimeout(releaseFirst, 5);
        throw new Error('boom');
      },
      { concurrency: 2, budget: new WriteBudget() },
    );
    await expect(run).rejects.toThrow('boom');
    expect(firstFinished).toBe(true);
    expect(started).toEqual([0, 1]);
  });

  it('resolves at once for no items', async () => {
    await expect(runPipeline([], async () => undefined, { concurrency: 4, budget: new WriteBudget() })).resolves.toEqual({
      done: 0,
      stopped: false,
    });
  });
});
