/** A small explicit router: templates like `/subjects/{subject}/versions`, one raw path segment per `{param}`. */
import { errors } from './errors';
import type { ResolvedOptions } from './options';
import type { RegistryState } from './state';

/** read: served concurrently with read latency; write: serialized under the lock; register: pre-check, then write. */
export type RouteKind = 'read' | 'write' | 'register';

export interface RequestContext {
  /** Percent-decoded path parameters, in template order. */
  readonly params: readonly string[];
  readonly query: URLSearchParams;
  /** Parsed JSON body (undefined when the request had none). */
  readonly body: unknown;
  readonly state: RegistryState;
  readonly options: ResolvedOptions;
  /** Wall-clock time of the request (ms), used as the record timestamp `ts`. */
  readonly now: number;
}

export interface Reply {
  readonly status: number;
  /** JSON body. */
  readonly body?: unknown;
  /** Raw text body (GET .../schema), sent instead of `body`. */
  readonly rawText?: string;
  /** True when a write changed state (it then counts as a write and waits writeLatencyMs). */
  readonly mutated?: boolean;
}

export interface Route {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly template: string;
  readonly kind: RouteKind;
  handle(ctx: RequestContext): Reply;
  /** register only: the lock-free pre-check; a reply ends the request without taking the lock. */
  precheck?(ctx: RequestContext): Reply | undefined;
}

interface CompiledRoute {
  readonly route: Route;
  /** Literal segment, or undefined for a parameter. */
  readonly segments: ReadonlyArray<string | undefined>;
}

export interface RouteMatch {
  readonly route: Route;
  readonly params: string[];
}

export class Router {
  /** Compiled routes by segment count, in declaration order: a request only tries templates of its length. */
  private readonly byLength = new Map<number, CompiledRoute[]>();

  constructor(routes: readonly Route[]) {
    for (const route of routes) {
      const segments = split(route.template).map((s) => (s.startsWith('{') ? undefined : s));
      const bucket = this.byLength.get(segments.length) ?? [];
      bucket.push({ route, segments });
      this.byLength.set(segments.length, bucket);
    }
  }

  /** Finds the route for a raw (still percent-encoded) path; 404 when none, 405 when only the method differs. */
  match(method: string, rawPath: string): RouteMatch {
    const segments = split(rawPath);
    let pathMatched = false;
    for (const { route, segments: template } of this.byLength.get(segments.length) ?? []) {
      const params: string[] = [];
      let ok = true;
      for (let i = 0; i < template.length && ok; i++) {
        if (template[i] === undefined) params.push(decodeSegment(segments[i]));
        else ok = template[i] === segments[i];
      }
      if (!ok) continue;
      pathMatched = true;
      if (route.method === method) return { route, params };
    }
    throw pathMatched ? errors.methodNotAllowed() : errors.httpNotFound();
  }
}

function split(path: string): string[] {
  const trimmed = path.replace(/^\/+/, '').replace(/\/+$/, '');
  return trimmed === '' ? [] : trimmed.split('/');
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw errors.httpNotFound();
  }
}

/** JAX-RS boolean query parameter: "true" in any case is true, anything else false. */
export function boolParam(query: URLSearchParams, name: string): boolean {
  return (query.get(name) ?? '').toLowerCase() === 'true';
}

/** Integer query parameter; a value that is not an integer is a 404, as in JAX-RS. */
export function intParam(query: URLSearchParams, name: string, fallback: number): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw)) throw errors.httpNotFound();
  return Number(raw);
}

/** Integer path parameter (`@PathParam Integer`); not an integer: 404. */
export function intPathParam(raw: string): number {
  if (!/^-?\d+$/.test(raw) || Math.abs(Number(raw)) > 2 ** 31 - 1) throw errors.httpNotFound();
  return Number(raw);
}

/** offset/limit slicing as the server pages (limit <= 0 means all). */
export function page<T>(items: readonly T[], offset: number, limit: number): T[] {
  const start = Math.max(0, offset);
  return limit > 0 ? items.slice(start, start + limit) : items.slice(start);
}
