import * as http from 'node:http';
import { listenOnLoopback } from '../../support/loopback-server';

/** A request as the scripted server saw it (raw URL, so percent-encoding can be asserted). */
export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/** What to do with one request: answer, drop the connection, or never answer. */
export type ScriptedReply =
  | { readonly status: number; readonly body?: unknown; readonly headers?: Record<string, string>; readonly raw?: string }
  | { readonly drop: true }
  | { readonly hang: true };

/**
 * A tiny HTTP server for client tests: each request is answered by `reply`, which sees the
 * request and how many came before it. Not a registry double: just the wire behaviour a
 * test needs (statuses, error bodies, dropped connections, silence).
 */
export async function startScriptedServer(reply: (request: SeenRequest, index: number) => ScriptedReply): Promise<{
  url: string;
  port: number;
  requests: SeenRequest[];
  close(): Promise<void>;
}> {
  const requests: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const seen = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(seen);
      const answer = reply(seen, requests.length - 1);
      if ('drop' in answer) {
        req.socket.destroy();
        return;
      }
      if ('hang' in answer) return;
      const payload = answer.raw ?? (answer.body === undefined ? '' : JSON.stringify(answer.body));
      res.writeHead(answer.status, { 'Content-Type': 'application/vnd.schemaregistry.v1+json', ...answer.headers });
      res.end(payload);
    });
  });
  const { url, port, close } = await listenOnLoopback(server);
  return { url, port, requests, close };
}

/** A Confluent error body. */
export const errorBody = (errorCode: number, message = `error ${errorCode}`) => ({ error_code: errorCode, message });
