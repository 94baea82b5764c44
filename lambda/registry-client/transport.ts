import * as http from 'node:http';
import * as https from 'node:https';
import { authorizationHeader, type RegistryAuth } from './auth';
import { exchange, httpOriginOf, type HttpAnswer, type HttpOrigin } from './http-exchange';
import { parseRegistryUrl } from './registry-url';
import { isNormalPath, serializeQuery } from './request-path';
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
import {
  errorCodeOf,
  httpError,
  isConfigurationFailure,
  networkCode,
  operationOf,
  unreachableError,
  type TransportDescription,
} from './transport-errors';

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
  /** What error messages say about this registry (URL, timeout, the credentials fix). */
  private readonly describe: TransportDescription;

  constructor(private readonly options: RegistryTransportOptions) {
    const parsed = parseRegistryUrl(options.url);
    this.displayUrl = parsed.displayUrl;
    this.retry = resolveRetryOptions(options.retry);
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.describe = {
      displayUrl: this.displayUrl,
      timeoutMs: this.timeoutMs,
      authHint: options.authHint ?? 'check the registry credentials',
    };
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
        if (attempt >= this.retry.maxAttempts || isConfigurationFailure(code)) {
          throw unreachableError(this.describe, operationOf(request), code, attempt);
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
      // A write can land and still answer 5xx/time out (docs/registry-semantics.md §7, §12.11); the retry then
      // sees "already deleted"/"nothing set": that is our own earlier write, so it is done.
      if (earlierAttemptFailed && request.landedCodes?.includes(errorCode)) return { kind: 'landed', errorCode };
      if (request.absentCodes?.includes(errorCode)) return { kind: 'absent', errorCode };
      throw httpError(this.describe, {
        operation: operationOf(request),
        status,
        errorCode,
        data,
        attempts: attempt,
        location: response.headers.location,
      });
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
}
