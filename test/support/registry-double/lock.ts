/** One async lock for every write, like `KafkaStore.lockFor`, which returns the same lock for any subject. */
export class WriteLock {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs `task` after every earlier task has settled. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
