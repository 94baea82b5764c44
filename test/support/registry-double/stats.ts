/** Request counters for assertions and benchmarks. */
export class RequestStats {
  /** Requests served as reads (including register pre-check hits, which take no lock). */
  reads = 0;
  /** State-changing requests that took the write lock. */
  writes = 0;
  /** Requests per "METHOD /route-template", e.g. "POST /subjects/{subject}/versions". */
  readonly byRoute: Record<string, number> = {};

  count(route: string): void {
    this.byRoute[route] = (this.byRoute[route] ?? 0) + 1;
  }

  reset(): void {
    this.reads = 0;
    this.writes = 0;
    for (const key of Object.keys(this.byRoute)) delete this.byRoute[key];
  }
}
