/**
 * Bounded-concurrency runner with dependencies and a write budget. Keeps up to
 * `concurrency` writes in flight (the server's single write lock then never idles on a
 * round trip, docs/registry-semantics.md §12.15) but starts an item only once every item in its `after` list has
 * been answered (docs/registry-semantics.md §12.8). Stops starting items when the budget says so (Lambda slices)
 * or on the first failure, and always waits for what is in flight before returning.
 */

/** Caps writes by count, by wall clock and by an abort signal; shared by every phase of one import. */
export class WriteBudget {
  private taken = 0;

  constructor(
    private readonly maxWrites: number = Number.POSITIVE_INFINITY,
    private readonly deadline: number = Number.POSITIVE_INFINITY,
    private readonly now: () => number = Date.now,
    /** Once aborted (SIGINT, SIGTERM), no further write is taken. */
    private readonly signal?: AbortSignal,
  ) {}

  /** Reserves one write; false once the count, the deadline or an abort says stop. */
  tryTake(): boolean {
    if (this.taken >= this.maxWrites || this.now() >= this.deadline || this.signal?.aborted) return false;
    this.taken++;
    return true;
  }

  /** Writes started so far. */
  get writes(): number {
    return this.taken;
  }
}

export interface PipelineOptions {
  readonly concurrency: number;
  readonly budget: WriteBudget;
  /** Called after each item is answered successfully. */
  readonly onDone?: (done: number) => void;
}

export interface PipelineOutcome {
  /** Items answered successfully. */
  readonly done: number;
  /** True when the budget stopped the run before every item started. */
  readonly stopped: boolean;
}

/**
 * Runs `items` (each costing one budget unit when it starts) in order, each after the
 * items listed in its `after` property (indexes into `items`), if it has one.
 * `run` must itself take any further budget units it needs.
 */
export async function runPipeline<T>(
  items: readonly T[],
  run: (item: T, index: number) => Promise<void>,
  options: PipelineOptions,
): Promise<PipelineOutcome> {
  const after = (item: T): readonly number[] => (item as { readonly after?: readonly number[] }).after ?? [];
  const waitingOn = items.map((item) => after(item).length);
  const dependents: number[][] = items.map(() => []);
  items.forEach((item, index) => after(item).forEach((dep) => dependents[dep].push(index)));
  const ready = new MinHeap();
  waitingOn.forEach((count, index) => count === 0 && ready.push(index));

  let done = 0;
  let started = 0;
  let inFlight = 0;
  let stopped = false;
  let failure: unknown;

  return new Promise<PipelineOutcome>((resolve, reject) => {
    const finishIfIdle = (): void => {
      if (inFlight > 0) return;
      if (failure !== undefined) reject(failure);
      else if (stopped || started === items.length || ready.size === 0) resolve({ done, stopped: stopped || done < items.length });
    };
    const launch = (): void => {
      while (failure === undefined && !stopped && inFlight < options.concurrency && ready.size > 0) {
        if (!options.budget.tryTake()) {
          stopped = true;
          break;
        }
        const index = ready.pop();
        started++;
        inFlight++;
        run(items[index], index).then(
          () => {
            inFlight--;
            done++;
            options.onDone?.(done);
            for (const dependent of dependents[index]) if (--waitingOn[dependent] === 0) ready.push(dependent);
            launch();
            finishIfIdle();
          },
          (error: unknown) => {
            inFlight--;
            failure ??= error;
            finishIfIdle();
          },
        );
      }
      finishIfIdle();
    };
    launch();
  });
}

/** Smallest index first, so items start in plan order whenever they are free to. */
class MinHeap {
  private readonly values: number[] = [];

  get size(): number {
    return this.values.length;
  }

  push(value: number): void {
    const values = this.values;
    values.push(value);
    let at = values.length - 1;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (values[parent] <= values[at]) break;
      [values[parent], values[at]] = [values[at], values[parent]];
      at = parent;
    }
  }

  pop(): number {
    const values = this.values;
    const top = values[0];
    const last = values.pop()!;
    if (values.length > 0) {
      values[0] = last;
      let at = 0;
      for (;;) {
        const left = at * 2 + 1;
        const right = left + 1;
        let smallest = at;
        if (left < values.length && values[left] < values[smallest]) smallest = left;
        if (right < values.length && values[right] < values[smallest]) smallest = right;
        if (smallest === at) break;
        [values[smallest], values[at]] = [values[at], values[smallest]];
        at = smallest;
      }
    }
    return top;
  }
}
