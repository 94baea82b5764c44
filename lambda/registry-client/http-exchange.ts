import * as http from 'node:http';
import * as https from 'node:https';

/** The answer to one HTTP exchange: any status, the body parsed as JSON when it is JSON. */
export interface HttpAnswer {
  readonly status: number;
  readonly data: unknown;
  readonly headers: http.IncomingHttpHeaders;
}

/** One request as the transport sends it. */
export interface HttpExchange {
  readonly method: string;
  /** Scheme, host and port come from here. */
  readonly url: URL;
  /** Path and query as sent, already percent-encoded. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
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
    const { url, body } = request;
    const headers: Record<string, string | number> = { ...request.headers };
    if (body !== undefined) headers['Content-Length'] = Buffer.byteLength(body);
    const transport = url.protocol === 'https:' ? https : http;
    let answered = false;
    const req = transport.request(
      {
        protocol: url.protocol,
        hostname: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
        port: url.port,
        path: request.path,
        method: request.method,
        headers,
        agent: request.agent,
      },
      (res) => {
        answered = true;
        clearTimeout(answerTimer);
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, data: parseBody(text) });
        });
        res.on('error', reject);
        res.on('aborted', () => reject(withCode(new Error('the answer was cut off'), 'ECONNRESET')));
      },
    );
    const timeOut = () => req.destroy(withCode(new Error(`no answer within ${request.timeoutMs} ms`), 'ETIMEDOUT'));
    // Wall clock until the answer starts (covers DNS and connect), socket inactivity after that.
    const answerTimer = setTimeout(() => answered || timeOut(), request.timeoutMs);
    req.setTimeout(request.timeoutMs, timeOut);
    req.on('error', (error) => {
      clearTimeout(answerTimer);
      reject(error);
    });
    req.end(body);
  });
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

function withCode(error: Error, code: string): Error {
  return Object.assign(error, { code });
}
