/**
 * A pass-through proxy in front of the registry double that also answers
 * POST /compatibility/..., an endpoint the double does not implement. It lets the smoke
 * test's compatibility step be exercised end to end over HTTP: the answer is whatever the
 * test configures, and every compatibility request is recorded for assertions.
 */
import * as http from 'node:http';
import { listenOnLoopback } from '../../support/loopback-server';

export interface CompatibilityProxy {
  readonly url: string;
  /** Path (with query) and parsed body of every compatibility request. */
  readonly requests: { path: string; body: { schema: string; schemaType?: string } }[];
  close(): Promise<void>;
}

export async function startCompatibilityProxy(
  upstream: string,
  answer: { is_compatible: boolean; messages?: string[] },
): Promise<CompatibilityProxy> {
  const requests: CompatibilityProxy['requests'] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (req.method === 'POST' && req.url?.startsWith('/compatibility/')) {
        requests.push({ path: req.url, body: JSON.parse(body.toString('utf8')) });
        res.writeHead(200, { 'Content-Type': 'application/vnd.schemaregistry.v1+json' }).end(JSON.stringify(answer));
        return;
      }
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(([k]) => !['host', 'connection', 'content-length'].includes(k)),
      );
      fetch(`${upstream}${req.url}`, {
        method: req.method,
        headers: headers as Record<string, string>,
        body: body.length > 0 ? body : undefined,
      })
        .then(async (upstreamRes) => {
          res.writeHead(upstreamRes.status, { 'Content-Type': upstreamRes.headers.get('content-type') ?? 'application/json' });
          res.end(Buffer.from(await upstreamRes.arrayBuffer()));
        })
        .catch(() => res.destroy());
    });
  });
  const { url, close } = await listenOnLoopback(server);
  return { url, requests, close };
}
