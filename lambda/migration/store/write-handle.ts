import type { Writable } from 'node:stream';

/**
 * An export being written. Write to `stream`, `end()` it, then await `done`: it resolves
 * once the data is complete at its final location (renamed into place, upload completed).
 */
export interface WriteHandle {
  readonly stream: Writable;
  /** Resolves when the object is complete; rejects with a StoreError on failure. */
  readonly done: Promise<void>;
  /** Gives up: removes the partial file or aborts the upload. `done` then rejects. */
  abort(reason?: Error): Promise<void>;
}

/** A store failure whose message names the location, the cause and the fix. */
export class StoreError extends Error {
  constructor(
    message: string,
    readonly location: string,
    /** True when the object or file does not exist (as opposed to unreadable). */
    readonly notFound = false,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

/** Marks a promise's rejection handled (callers still see it when they await). */
export function quiet<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}
