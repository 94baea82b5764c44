/**
 * Errors a registry call can end in. Messages name the cause and the fix; they never
 * contain credentials.
 */

/** The server answered with an error body `{error_code, message}` (or a bare HTTP error). */
export class RegistryError extends Error {
  constructor(
    message: string,
    /** HTTP status. */
    readonly status: number,
    /** Confluent `error_code` (e.g. 42205), or the HTTP status when the body had none. */
    readonly errorCode: number,
    /** Method and path of the failed call, without credentials. */
    readonly operation: string,
  ) {
    super(message);
    this.name = 'RegistryError';
  }
}

/** The registry could not be reached (DNS, refused, timeout, TLS) after every retry. */
export class RegistryUnreachableError extends Error {
  constructor(
    message: string,
    readonly operation: string,
  ) {
    super(message);
    this.name = 'RegistryUnreachableError';
  }
}

/** 401/403: wrong or missing credentials, or a user without a role. */
export class RegistryAuthError extends RegistryError {
  constructor(message: string, status: number, operation: string) {
    super(message, status, status, operation);
    this.name = 'RegistryAuthError';
  }
}
