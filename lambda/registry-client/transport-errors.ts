import { RegistryAuthError, RegistryError, RegistryUnreachableError } from './errors';

/**
 * How the transport turns failures into errors that name the registry, the call, the cause
 * and the fix (never credentials).
 */

/** What messages say about the registry a transport talks to. */
export interface TransportDescription {
  /** Base URL without credentials. */
  readonly displayUrl: string;
  readonly timeoutMs: number;
  /** The fix named in 401/403 messages. */
  readonly authHint: string;
}

/** TLS verification failures are configuration problems: retrying cannot help. */
const CONFIGURATION_FAILURE = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|HOSTNAME_MISMATCH|ERR_TLS|ERR_SSL|EPROTO|ERR_INVALID_URL/;

/** True for network failures no retry can fix (TLS verification, an invalid URL). */
export function isConfigurationFailure(code: string): boolean {
  return CONFIGURATION_FAILURE.test(code);
}

/** "GET /subjects/x/versions" (path only, no query): names the call in errors and retry events; built only when needed. */
export function operationOf(request: { readonly method: string; readonly path: string }): string {
  return `${request.method} ${request.path}`;
}

/** Confluent error_code from `{error_code, message}`, else the HTTP status. */
export function errorCodeOf(data: unknown, status: number): number {
  if (typeof data === 'object' && data !== null && Number.isInteger((data as { error_code?: unknown }).error_code)) {
    return (data as { error_code: number }).error_code;
  }
  return status;
}

/** The node:http error code of a network failure ("ECONNREFUSED", "ETIMEDOUT", ...). */
export function networkCode(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? 'network error';
}

/** The registry could not be reached after `attempts` attempts. */
export function unreachableError(
  registry: TransportDescription,
  operation: string,
  code: string,
  attempts: number,
): RegistryUnreachableError {
  const tries = attempts > 1 ? ` (${attempts} attempts)` : '';
  if (isConfigurationFailure(code)) {
    return new RegistryUnreachableError(
      `TLS connection to ${registry.displayUrl} failed: ${code}; check the CA file, the client certificate and the server certificate`,
      operation,
    );
  }
  if (code === 'ETIMEDOUT' || code === 'ECONNABORTED') {
    return new RegistryUnreachableError(
      `cannot reach ${registry.displayUrl}: no answer within ${registry.timeoutMs} ms${tries}; check the URL, VPC/security group and that the registry is running, or raise the timeout`,
      operation,
    );
  }
  return new RegistryUnreachableError(
    `cannot reach ${registry.displayUrl}: ${code}${tries}; check the URL, VPC/security group and that the registry is running`,
    operation,
  );
}

/** An HTTP answer that is an error for good (after retries). */
export function httpError(
  registry: TransportDescription,
  answer: {
    readonly operation: string;
    readonly status: number;
    readonly errorCode: number;
    readonly data: unknown;
    readonly attempts: number;
    /** The Location header of a redirect. */
    readonly location?: unknown;
  },
): RegistryError {
  const { operation, status, errorCode, data, attempts, location } = answer;
  if (status === 401) {
    return new RegistryAuthError(`authentication failed (401) at ${registry.displayUrl}: ${registry.authHint}`, status, operation);
  }
  if (status === 403) {
    return new RegistryAuthError(
      `access denied (403) at ${registry.displayUrl} for ${operation}: the user has no role allowed by the registry (authentication.roles); ${registry.authHint}`,
      status,
      operation,
    );
  }
  if (status >= 300 && status < 400) {
    const target = typeof location === 'string' ? ` to ${location.split('?')[0]}` : '';
    return new RegistryError(
      `${operation} at ${registry.displayUrl} was redirected (HTTP ${status})${target}; use the final URL as the registry URL`,
      status,
      status,
      operation,
    );
  }
  const serverMessage = messageOf(data);
  const detail = serverMessage ? `: ${serverMessage}` : '';
  const after = attempts > 1 ? ` after ${attempts} attempts` : '';
  return new RegistryError(
    `${operation} at ${registry.displayUrl} failed${after}${detail} (HTTP ${status}, error_code ${errorCode})`,
    status,
    errorCode,
    operation,
  );
}

function messageOf(data: unknown): string | undefined {
  if (typeof data === 'object' && data !== null && typeof (data as { message?: unknown }).message === 'string') {
    const message = (data as { message: string }).message;
    return message.length > 500 ? `${message.slice(0, 500)}…` : message;
  }
  return undefined;
}
