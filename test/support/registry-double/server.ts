/**
 * The HTTP side of the double: auth, fault injection, routing, body parsing, the write lock and
 * latencies. Everything state-specific lives in rules/ and routes/.
 */
import { timingSafeEqual } from 'node:crypto';
import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rewriteContextPrefix } from './context-prefix';
import { RegistryHttpError, errors } from './errors';
import { FaultInjector } from './faults';
import { preciseDelay, preciseDelayUntil } from './latency';
import { WriteLock } from './lock';
import type { ResolvedOptions } from './options';
import { Reply, RequestContext, Router } from './router';
import { configRoutes } from './routes/config';
import { miscRoutes } from './routes/misc';
import { modeRoutes } from './routes/mode';
import { schemaRoutes } from './routes/schemas';
import { subjectRoutes } from './routes/subjects';
import type { RegistryState } from './state';
import { RequestStats } from './stats';

const CONTENT_TYPE = 'application/vnd.schemaregistry.v1+json';
/** Request media types the real resources `@Consumes`. */
const ACCEPTED_MEDIA_TYPES = new Set([
  'application/vnd.schemaregistry.v1+json',
  'application/vnd.schemaregistry+json',
  'application/json',
  'application/octet-stream',
]);
const MAX_BODY_BYTES = 32 * 1024 * 1024;

const router = new Router([...miscRoutes, ...subjectRoutes, ...schemaRoutes, ...configRoutes, ...modeRoutes]);

export interface ServerParts {
  readonly state: RegistryState;
  readonly options: ResolvedOptions;
  readonly stats: RequestStats;
  readonly faults: FaultInjector;
}

export async function listen(parts: ServerParts): Promise<{ server: Server; url: string }> {
  const lock = new WriteLock();
  const server = createServer((req, res) => {
    handle(parts, lock, req, res).catch((e: unknown) => {
      // Unexpected failure inside the double itself: answer like rest-utils' generic 500.
      if (!res.headersSent) send(res, 500, { error_code: 500, message: `Registry double internal error: ${String(e)}` });
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(parts.options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}` };
}

async function handle(parts: ServerParts, lock: WriteLock, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { state, options, stats, faults } = parts;
  const method = (req.method ?? 'GET').toUpperCase();
  const rawUrl = req.url ?? '/';
  const queryStart = rawUrl.indexOf('?');
  const query = new URLSearchParams(queryStart >= 0 ? rawUrl.slice(queryStart + 1) : '');
  const rawPath = rewriteContextPrefix(queryStart >= 0 ? rawUrl.slice(0, queryStart) : rawUrl, query);
  try {
    const isRoot = method === 'GET' && (rawPath === '/' || rawPath === '');
    if (options.auth && !isRoot && !authorized(req.headers.authorization, options.auth)) {
      res.setHeader('WWW-Authenticate', 'Basic realm="SchemaRegistry-Props"');
      throw errors.unauthorized();
    }
    const fault = faults.take(method, rawUrl);
    if (fault?.kind === 'fail') {
      throw new RegistryHttpError(fault.status, fault.errorCode, `Injected fault (HTTP ${fault.status}, error_code ${fault.errorCode})`);
    }
    if (fault?.kind === 'drop' && !fault.afterApplying) {
      req.socket.destroy();
      return;
    }
    const { route, params } = router.match(method, rawPath);
    stats.count(`${route.method} ${route.template}`);
    const body = method === 'POST' || method === 'PUT' ? parseBody(req, await readBody(req)) : undefined;
    const ctx: RequestContext = { params, query, body, state, options, now: Date.now() };

    let reply: Reply | undefined;
    let failure: unknown;
    try {
      reply = await execute(route.kind, ctx, route, lock, parts);
    } catch (e) {
      failure = e;
    }
    if (fault?.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'landThenTimeout') throw errors.registerTimeout();
    if (failure !== undefined) throw failure;
    sendReply(res, reply!);
  } catch (e) {
    if (e instanceof RegistryHttpError) send(res, e.status, { error_code: e.errorCode, message: e.message });
    else throw e;
  }
}

async function execute(
  kind: 'read' | 'write' | 'register',
  ctx: RequestContext,
  route: { handle(ctx: RequestContext): Reply; precheck?(ctx: RequestContext): Reply | undefined },
  lock: WriteLock,
  parts: ServerParts,
): Promise<Reply> {
  const { stats, options } = parts;
  if (kind === 'read') {
    await preciseDelay(options.readLatencyMs);
    stats.reads++;
    return route.handle(ctx);
  }
  if (kind === 'register' && route.precheck) {
    // Lookups and idempotent re-posts are answered without the lock, as on the real server.
    const early = route.precheck(ctx);
    if (early) {
      await preciseDelay(options.readLatencyMs);
      stats.reads++;
      return early;
    }
  }
  const arrivedAt = process.hrtime.bigint();
  return lock.run(async () => {
    const reply = route.handle(ctx);
    if (reply.mutated) {
      stats.writes++;
      // The Kafka round trip happens while the lock is held.
      if (options.writeLatencyMs > 0) await preciseDelayUntil(lock.serviceDeadline(arrivedAt, options.writeLatencyMs));
    }
    return reply;
  });
}

function authorized(header: string | undefined, auth: { username: string; password: string }): boolean {
  if (!header || !header.startsWith('Basic ')) return false;
  const given = Buffer.from(header.slice(6).trim(), 'base64');
  const expected = Buffer.from(`${auth.username}:${auth.password}`, 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new RegistryHttpError(413, 413, 'HTTP 413 Payload Too Large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseBody(req: IncomingMessage, text: string): unknown {
  const mediaType = (req.headers['content-type'] ?? 'application/octet-stream').split(';')[0].trim().toLowerCase();
  if (!ACCEPTED_MEDIA_TYPES.has(mediaType)) throw errors.unsupportedMediaType();
  if (text.trim() === '') throw errors.badJson('the request body is empty');
  try {
    return JSON.parse(text);
  } catch (e) {
    throw errors.badJson((e as Error).message);
  }
}

function sendReply(res: ServerResponse, reply: Reply): void {
  if (reply.rawText !== undefined) {
    res.writeHead(reply.status, { 'Content-Type': CONTENT_TYPE, 'Content-Length': Buffer.byteLength(reply.rawText) });
    res.end(reply.rawText);
  } else if (reply.status === 204) {
    res.writeHead(204);
    res.end();
  } else {
    send(res, reply.status, reply.body);
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body ?? null);
  res.writeHead(status, { 'Content-Type': CONTENT_TYPE, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}
