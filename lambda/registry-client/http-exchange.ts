import * as http from 'node:http';
import * as https from 'node:https';

/** The answer to one HTTP exchange: any status, the body parsed as JSON when it is JSON. */
export interface HttpAnswer {
  readonly status: number;
  readonly data: unknown;
  /** Parsed on first read: Node builds this object lazily, and most answers never need it. */
  readonly headers: http.IncomingHttpHeaders;
}

/** Scheme, host and port of a server, resolved once per transport rather than once per request. */
export interface HttpOrigin {
  readonly protocol: 'http:' | 'https:';
  /** Host name or IP, IPv6 without brackets (as node:http wants it). */
  readonly hostname: string;
  /** "" for the scheme's default port. */
  readonly port: string;
  /** The Host header: hostname (IPv6 in brackets) and the port when not the default. */
  readonly hostHeader: string;
}

/** The origin of `url` (scheme, host, port); path, query and credentials are ignored. */
export function httpOriginOf(url: URL): HttpOrigin {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`unsupported protocol ${url.protocol}`);
  return {
    protocol: url.protocol,
    hostname: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
    port: url.port,
    // WHATWG URL already brackets IPv6 and drops the default port, as node:http does for Host.
    hostHeader: url.host,
  };
}

/** One request as the transport sends it. */
export interface HttpExchange {
  readonly method: string;
  readonly origin: HttpOrigin;
  /** Path and query as sent, already percent-encoded. */
  readonly path: string;
  /**
   * Request headers as a flat `[name, value, name, value, …]` list, Host included. node:http
   * sends such a list as given (still validated) instead of re-building it through setHeader
   * per request; Content-Length is appended here when there is a body.
   */
  readonly headers: readonly string[];
  /** JSON text, or undefined for no body. */
  readonly body?: string;
  readonly agent: http.Agent;
  /** No answer headers within this time, or no data on the socket for this time: ETIMEDOUT. */
  readonly timeoutMs: number;
}

/**
 * Sends one request over node:http/https and resolves with whatever status came back: every
 * status is an answer for the caller to interpret. Rejects only on network failures, with the
 * Node error code (ECONNREFUSED, ECONNRESET, CERT_HAS_EXPIRED, ...), or ETIMEDOUT.
 * - A redirect (e.g. an ALB's HTTP->HTTPS rule) is returned, not followed: following it would
 *   re-send credentials to wherever it points.
 * - No HTTP(S)_PROXY: registries are reached directly (the agent decides the connection).
 * - No Accept-Encoding, so servers answer uncompressed.
 */
export function exchange(request: HttpExchange): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const { origin, body } = request;
    const headers = body === undefined ? request.headers : [...request.headers, 'Content-Length', String(Buffer.byteLength(body))];
    let answered = false;
    const req = (origin.protocol === 'https:' ? https : http).request(
      {
        protocol: origin.protocol,
        hostname: origin.hostname,
        port: origin.port,
        path: request.path,
        method: request.method,
        headers: headers as string[],
        agent: request.agent,
      },
      (res) => {
        answered = true;
        clearTimeout(answerTimer);
        // Most answers arrive in one chunk: keep it as is and concatenate only when there are more.
        let first: Buffer | undefined;
        let more: Buffer[] | undefined;
        res.on('data', (chunk: Buffer) => {
          if (first === undefined) first = chunk;
          else (more ??= [first]).push(chunk);
        });
        res.on('end', () => {
          const bytes = more ? Buffer.concat(more) : first;
          resolve(new Answer(res, bytes === undefined ? undefined : parseBody(bytes.toString('utf8'))));
        });
        res.on('error', reject);
        res.on('aborted', () => reject(withCode(new Error('the answer was cut off'), 'ECONNRESET')));
      },
    );
    // Wall clock until the answer starts (covers DNS and connect), socket inactivity after that.
    // (Inline callbacks rather than a shared named one: the hot path allocates as little as it can.)
    const answerTimer = setTimeout(() => answered || timeOut(req, request.timeoutMs), request.timeoutMs);
    req.setTimeout(request.timeoutMs, () => timeOut(req, request.timeoutMs));
    req.on('error', (error) => {
      clearTimeout(answerTimer);
      reject(error);
    });
    req.end(body);
  });
}

/** An answer whose `headers` are read from the response only when asked for. */
class Answer implements HttpAnswer {
  /** `data` of an empty body is "" (parseBody's answer for no text). */
  readonly data: unknown;

  constructor(
    private readonly response: http.IncomingMessage,
    data: unknown,
  ) {
    this.data = data === undefined ? '' : data;
  }

  get status(): number {
    return this.response.statusCode ?? 0;
  }

  get headers(): http.IncomingHttpHeaders {
    return this.response.headers;
  }
}

/** JSON when it parses, else the text as received (an HTML error page from a proxy, an empty body). */
export function parseBody(text: string): unknown {
  if (text === '') return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function timeOut(req: http.ClientRequest, timeoutMs: number): void {
  req.destroy(withCode(new Error(`no answer within ${timeoutMs} ms`), 'ETIMEDOUT'));
}

function withCode(error: Error, code: string): Error {
  return Object.assign(error, { code });
}
