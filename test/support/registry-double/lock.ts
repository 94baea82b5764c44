/** One async lock for every write, like `KafkaStore.lockFor`, which returns the same lock for any subject. */
export class WriteLock {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs `task` after every earlier task has settled. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** When the last write's service time ends (`process.hrtime.bigint()` ns); 0 before any. */
  private busyUntil = 0n;

  /**
   * The deadline of a write that arrived at `arrivedAt` and takes `ms` of service time: its
   * service starts on arrival, or when the previous write's service ends if it had to queue
   * (a FIFO server). Back-to-back writes thus complete exactly `ms` apart, so the timer's
   * wake-up error (0.1-0.25 ms) does not add up over thousands of writes, while a client that
   * leaves the lock idle still pays for the gap.
   */
  serviceDeadline(arrivedAt: bigint, ms: number): bigint {
    const start = this.busyUntil > arrivedAt ? this.busyUntil : arrivedAt;
    this.busyUntil = start + BigInt(Math.ceil(ms * 1e6));
    return this.busyUntil;
  }
}
