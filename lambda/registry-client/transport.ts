import * as http from 'node:http';
import * as https from 'node:https';
import { authorizationHeader, type RegistryAuth } from './auth';
import { RegistryAuthError, RegistryError, RegistryUnreachableError } from './errors';
import { exchange, httpOriginOf, type HttpAnswer, type HttpOrigin } from './http-exchange';
import { parseRegistryUrl } from './registry-url';
import {
  backoffDelayMs,
  isRetryableStatus,
  parseRetryAfter,
  resolveRetryOptions,
  sleep as defaultSleep,
  type ResolvedRetryOptions,
  type RetryEvent,
  type RetryOptions,
} from './retry';
import { loadTlsAgentOptions, type RegistryTlsOptions } from './tls';

export const REGISTRY_CONTENT_TYPE = 'application/vnd.schemaregistry.v1+json';

export interface RegistryTransportOptions {
  /** Base URL, e.g. `https://sr.internal:8081`; may embed `user:pass@` (stripped from displayUrl). */
  readonly url: string;
  /**
   * Credentials; wins over credentials embedded in the URL.
   * @default embedded URL credentials, else none
   */
  readonly auth?: RegistryAuth;
  /** mTLS client certificate, private CA, verification. */
  readonly tls?: RegistryTlsOptions;
  /**
   * Per-request timeout.
   * @default 30000
   */
  readonly timeoutMs?: number;
  /** Retry policy for network errors, 429 and 5xx. */
  readonly retry?: RetryOptions;
  /** Called before each retry, e.g. to log it. Receives no credentials. */
  readonly onRetry?: (event: RetryEvent) => void;
  /**
   * The fix named in 401/403 messages.
   * @default "check the registry credentials"
   */
  readonly authHint?: string;
  /**
   * Sockets per host (keep-alive pool size).
   * @default 64
   */
  readonly maxSockets?: number;
  /** Test hook: replaces the backoff sleep. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Test hook: jitter source in [0, 1). */
  readonly random?: () => number;
}

/** One HTTP call as the API layer describes it. */
export interface RegistryRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path below the base URL with every segment already percent-encoded. */
  readonly path: string;
  readonly params?: Record<string, string | number | boolean | undefined>;
  readonly body?: unknown;
  /** error_codes (or bare statuses) that mean "not found / not set": the call resolves `absent`. */
  readonly absentCodes?: readonly number[];
  /**
   * error_codes that, when answered by a retry after an attempt that failed with a
   * network error or 5xx, prove the earlier attempt's write landed: the call resolves `landed`.
   */
  readonly landedCodes?: readonly number[];
}

export type RegistryOutcome =
  | { readonly kind: 'ok'; readonly data: unknown }
  | { readonly kind: 'absent'; readonly errorCode: number }
  | { readonly kind: 'landed'; readonly errorCode: number };

/** TLS verification failures are configuration problems: retrying cannot help. */
const NON_RETRYABLE_NETWORK = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|HOSTNAME_MISMATCH|ERR_TLS|ERR_SSL|EPROTO|ERR_INVALID_URL/;

/**
 * HTTP transport to one registry: keep-alive agents, auth header, timeouts, bounded
 * retries with full-jitter backoff, and mapping of failures to the errors in errors.ts.
 */
export class RegistryTransport {
  readonly displayUrl: string;
  /** Sent with every request as node:http's flat header list (built once: see HttpExchange.headers). */
  private readonly headers: readonly string[];
  private readonly origin: HttpOrigin;
  /** Path prefix of the base URL as WHATWG URL normalises it ("" for none); requests append to it. */
  private readonly basePath: string;
  private readonly agent: http.Agent;
  private readonly retry: ResolvedRetryOptions;
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;
  private readonly timeoutMs: number;
  private readonly authHint: string;

  constructor(private readonly options: RegistryTransportOptions) {
    const parsed = parseRegistryUrl(options.url);
    this.displayUrl = parsed.displayUrl;
    this.retry = resolveRetryOptions(options.retry);
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.authHint = options.authHint ?? 'check the registry credentials';
    const maxSockets = options.maxSockets ?? 64;
    // TCP keep-alive probes after 60 s idle find dead pooled connections.
    const agentOptions = { keepAlive: true, keepAliveMsecs: 60_000, maxSockets };
    this.httpAgent = new http.Agent(agentOptions);
    this.httpsAgent = new https.Agent({ ...agentOptions, ...loadTlsAgentOptions(options.tls) });
    const authorization = authorizationHeader(options.auth ?? parsed.embeddedAuth ?? { type: 'none' });
    const base = new URL(this.displayUrl);
    this.origin = httpOriginOf(base);
    this.basePath = base.pathname === '/' ? '' : base.pathname;
    this.agent = this.origin.protocol === 'https:' ? this.httpsAgent : this.httpAgent;
    this.headers = [
      'Accept',
      `${REGISTRY_CONTENT_TYPE}, application/json;q=0.9`,
      'Content-Type',
      REGISTRY_CONTENT_TYPE,
      'User-Agent',
      'sr-migrate',
      ...(authorization ? ['Authorization', authorization] : []),
      'Host',
      this.origin.hostHeader,
    ];
  }

  /** Runs `request` with retries; see RegistryRequest for `absent` and `landed`. */
  async send(request: RegistryRequest): Promise<RegistryOutcome> {
    const sleep = this.options.sleep ?? defaultSleep;
    let earlierAttemptFailed = false;
    for (let attempt = 1; ; attempt++) {
      let response: HttpAnswer;
      try {
        // Plain node:http (no redirects followed, no proxy): per-request CPU decides how fast an
        // export is (~2 requests per subject), and a generic HTTP library doubled it.
        response = await exchange({
          method: request.method,
          origin: this.origin,
          path: this.pathOf(request),
          headers: this.headers,
          body: request.body === undefined ? undefined : JSON.stringify(request.body),
          agent: this.agent,
          timeoutMs: this.timeoutMs,
        });
      } catch (error) {
        const code = networkCode(error);
        if (attempt >= this.retry.maxAttempts || NON_RETRYABLE_NETWORK.test(code)) {
          throw this.unreachable(operationOf(request), code, attempt);
        }
        earlierAttemptFailed = true;
        await this.pause(operationOf(request), attempt, this.describeNetwork(code), sleep);
        continue;
      }

      const { status, data } = response;
      if (status >= 200 && status < 300) return { kind: 'ok', data };
      const errorCode = errorCodeOf(data, status);
      if (isRetryableStatus(status) && attempt < this.retry.maxAttempts) {
        earlierAttemptFailed = true;
        await this.pause(operationOf(request), attempt, `HTTP ${status} (error_code ${errorCode})`, sleep, response.headers['retry-after']);
        continue;
      }
      // A write can land and still answer 5xx/time out (reference §7, §12.11); the retry then
      // sees "already deleted"/"nothing set": that is our own earlier write, so it is done.
      if (earlierAttemptFailed && request.landedCodes?.includes(errorCode)) return { kind: 'landed', errorCode };
      if (request.absentCodes?.includes(errorCode)) return { kind: 'absent', errorCode };
      throw this.httpError(operationOf(request), status, errorCode, data, attempt, response.headers.location);
    }
  }

  /** Base URL + path, normalised like any URL; then the query, appended as encoded. */
  private pathOf(request: RegistryRequest): string {
    let path: string;
    let hasQuery: boolean;
    if (isNormalPath(request.path)) {
      // What `new URL(base + path)` would give, without parsing a URL per request (it showed in export profiles).
      path = this.basePath + request.path;
      hasQuery = false;
    } else {
      const url = new URL(this.displayUrl + request.path);
      path = url.pathname + url.search;
      hasQuery = url.search !== '';
    }
    const query = request.params ? serializeQuery(request.params) : '';
    return query === '' ? path : `${path}${hasQuery ? '&' : '?'}${query}`;
  }

  /** Closes idle keep-alive sockets; the transport stays usable. */
  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  private async pause(
    operation: string,
    attempt: number,
    reason: string,
    sleep: (ms: number) => Promise<void>,
    retryAfter?: unknown,
  ): Promise<void> {
    const delayMs = backoffDelayMs(attempt, this.retry, this.options.random, parseRetryAfter(retryAfter));
    this.options.onRetry?.({ operation, attempt, maxAttempts: this.retry.maxAttempts, delayMs, reason });
    await sleep(delayMs);
  }

  private describeNetwork(code: string): string {
    return code === 'ETIMEDOUT' || code === 'ECONNABORTED' ? `timeout after ${this.timeoutMs} ms` : code;
  }

  private unreachable(operation: string, code: string, attempts: number): RegistryUnreachableError {
    const tries = attempts > 1 ? ` (${attempts} attempts)` : '';
    if (NON_RETRYABLE_NETWORK.test(code)) {
      return new RegistryUnreachableError(
        `TLS connection to ${this.displayUrl} failed: ${code}; check the CA file, the client certificate and the server certificate`,
        operation,
      );
    }
    if (code === 'ETIMEDOUT' || code === 'ECONNABORTED') {
      return new RegistryUnreachableError(
        `cannot reach ${this.displayUrl}: no answer within ${this.timeoutMs} ms${tries}; check the URL, VPC/security group and that the registry is running, or raise the timeout`,
        operation,
      );
    }
    return new RegistryUnreachableError(
      `cannot reach ${this.displayUrl}: ${code}${tries}; check the URL, VPC/security group and that the registry is running`,
      operation,
    );
  }

  private httpError(
    operation: string,
    status: number,
    errorCode: number,
    data: unknown,
    attempts: number,
    location?: unknown,
  ): RegistryError {
    if (status === 401) {
      return new RegistryAuthError(`authentication failed (401) at ${this.displayUrl}: ${this.authHint}`, status, operation);
    }
    if (status === 403) {
      return new RegistryAuthError(
        `access denied (403) at ${this.displayUrl} for ${operation}: the user has no role allowed by the registry (authentication.roles); ${this.authHint}`,
        status,
        operation,
      );
    }
    if (status >= 300 && status < 400) {
      const target = typeof location === 'string' ? ` to ${location.split('?')[0]}` : '';
      return new RegistryError(
        `${operation} at ${this.displayUrl} was redirected (HTTP ${status})${target}; use the final URL as the registry URL`,
        status,
        status,
        operation,
      );
    }
    const serverMessage = messageOf(data);
    const detail = serverMessage ? `: ${serverMessage}` : '';
    const after = attempts > 1 ? ` after ${attempts} attempts` : '';
    return new RegistryError(
      `${operation} at ${this.displayUrl} failed${after}${detail} (HTTP ${status}, error_code ${errorCode})`,
      status,
      errorCode,
      operation,
    );
  }
}

/**
 * A path WHATWG URL parsing leaves unchanged: it starts with "/", holds only characters URL
 * leaves alone in a path (no query, fragment, backslash, space or non-ASCII), and has no "."
 * or ".." segment (also percent-encoded), which URL parsing would resolve away.
 */
const NORMAL_PATH = /^(?!(?:.*\/)?(?:\.|%2e){1,2}(?:\/|$))\/[A-Za-z0-9\-._~!$&'()*+,;=:@%/]*$/i;

/** True when `path` comes out of URL parsing unchanged, so it can be appended to the base path as is. */
function isNormalPath(path: string): boolean {
  return NORMAL_PATH.test(path);
}

/** "GET /subjects/x/versions" (path only, no query): names the call in errors and retry events; built only when needed. */
function operationOf(request: RegistryRequest): string {
  return `${request.method} ${request.path}`;
}

/** Confluent error_code from `{error_code, message}`, else the HTTP status. */
function errorCodeOf(data: unknown, status: number): number {
  if (typeof data === 'object' && data !== null && Number.isInteger((data as { error_code?: unknown }).error_code)) {
    return (data as { error_code: number }).error_code;
  }
  return status;
}

function messageOf(data: unknown): string | undefined {
  if (typeof data === 'object' && data !== null && typeof (data as { message?: unknown }).message === 'string') {
    const message = (data as { message: string }).message;
    return message.length > 500 ? `${message.slice(0, 500)}…` : message;
  }
  return undefined;
}

function networkCode(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? 'network error';
}

/**
 * `a=1&b=x` from scalar params, skipping undefined ones, encoded as axios' default serializer
 * did (encodeURIComponent, then ":", "$", "," and "+" for space left readable).
 */
export function serializeQuery(params: Record<string, unknown>): string {
  let query = '';
  for (const key in params) {
    const value = params[key];
    if (value === undefined) continue;
    query += `${query === '' ? '' : '&'}${encodeQueryPart(key)}=${encodeQueryPart(value === null ? '' : String(value))}`;
  }
  return query;
}

function encodeQueryPart(text: string): string {
  return encodeURIComponent(text).replace(/%3A/gi, ':').replace(/%24/g, '$').replace(/%2C/gi, ',').replace(/%20/g, '+');
}
