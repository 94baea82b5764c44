import { ExportFormatError } from '../lambda/migration/format/errors';
import { FreezeError, FreezeStateError } from '../lambda/migration/freeze';
import { StoreError } from '../lambda/migration/store';
import { RegistryAuthError, RegistryError, RegistryUnreachableError } from '../lambda/registry-client/errors';

/** A command line that cannot run as given (exit 2), with the fix in the message. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * One clear message for an error a user can hit: cause and fix, never credentials (the
 * client and stores already keep them out of messages), never a bare stack trace. The
 * stack is appended only with --debug.
 */
export function describeError(error: unknown, debug = false): string {
  const text = messageFor(error);
  if (debug && error instanceof Error && error.stack) return `${text}\n${error.stack}`;
  return text;
}

function messageFor(error: unknown): string {
  // The client's messages already name the registry, the call, the status and the fix.
  if (error instanceof RegistryAuthError || error instanceof RegistryUnreachableError) return `error: ${error.message}`;
  if (error instanceof RegistryError) {
    const hint =
      error.status >= 500 ? '; the registry is failing: check its health and logs, then run again (--retries allows more attempts)' : '';
    return `error: ${error.message}${hint}`;
  }
  if (
    error instanceof ExportFormatError ||
    error instanceof StoreError ||
    error instanceof FreezeError ||
    error instanceof FreezeStateError ||
    error instanceof UsageError
  ) {
    return `error: ${error.message}`;
  }
  if (error instanceof Error) {
    // Named engine errors (ImportConflictError, ImportWriteError, ...) carry complete messages.
    return `error: ${error.message || error.name}${error.message ? '' : ' (run with --debug for details)'}`;
  }
  return `error: ${String(error)}`;
}
