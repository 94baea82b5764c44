/**
 * A strict, in-process Confluent Schema Registry test double over real HTTP
 * (docs/registry-semantics.md §0-§7, §11). Start one per test:
 *
 *   const registry = await startRegistryDouble({ version: '7.9.0' });
 *   await fetch(`${registry.url}/subjects`);
 *   await registry.close();
 */
import { FaultInjector } from './faults';
import { RegistryDoubleOptions, resolveOptions } from './options';
import { listen } from './server';
import { RegistryState } from './state';
import { RequestStats } from './stats';
import { contextPrefix, parseQualified } from './names';

export type { RegistryDoubleOptions } from './options';

export interface RegistryDouble {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  close(): Promise<void>;
  /** Counters: total reads, writes (state-changing requests that took the lock), and per "METHOD /route-template". */
  readonly stats: { reads: number; writes: number; byRoute: Record<string, number>; reset(): void };
  /** Fault injection (each rule fires `times` times, default 1, on requests matching method/path regex). */
  readonly faults: {
    /** Answer with this status/error_code WITHOUT applying the request. */
    failNext(rule: { method?: string; path?: RegExp; status: number; errorCode?: number; times?: number }): void;
    /** APPLY the write, then answer 500/50002 "Register operation timed out" (docs/registry-semantics.md §7). */
    landThenTimeoutNext(rule: { method?: string; path?: RegExp; times?: number }): void;
    /** Destroy the socket without answering (network error), optionally after applying the write. */
    dropConnectionNext(rule: { method?: string; path?: RegExp; times?: number; afterApplying?: boolean }): void;
    clear(): void;
  };
  /**
   * Changes the injected latencies from now on, e.g. load a source fast with latency 0, then set
   * `{ writeLatencyMs: 2, readLatencyMs: 0.5 }` for the measured run. Absent fields keep their value.
   */
  setLatency(latency: { writeLatencyMs?: number; readLatencyMs?: number }): void;
  /** Read-only view for assertions. */
  readonly inspect: {
    /** Stored subject-versions in every context, soft-deleted ones included. */
    versionCount(): number;
    /** Mode set exactly at `scope` ('' top level, ':.__GLOBAL:', ':.ctx:', or a qualified subject); undefined when unset. */
    modeOf(scope: string): string | undefined;
    /** Highest id seen in `context` ('.', '.ctx' or ':.ctx:'); undefined when none. */
    maxIdOf(context: string): number | undefined;
  };
}

export async function startRegistryDouble(options?: RegistryDoubleOptions): Promise<RegistryDouble> {
  const resolved = resolveOptions(options);
  const state = new RegistryState();
  const stats = new RequestStats();
  const injector = new FaultInjector();
  const { server, url } = await listen({ state, options: resolved, stats, faults: injector });
  return {
    url,
    stats,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
    faults: {
      failNext: (rule) => injector.add(rule, { kind: 'fail', status: rule.status, errorCode: rule.errorCode ?? rule.status }),
      landThenTimeoutNext: (rule) => injector.add(rule, { kind: 'landThenTimeout' }),
      dropConnectionNext: (rule) => injector.add(rule, { kind: 'drop', afterApplying: rule.afterApplying ?? false }),
      clear: () => injector.clear(),
    },
    setLatency: (latency) => {
      // The server reads these per request, so the change applies from the next request on.
      const checked = resolveOptions({ ...latency });
      if (latency.writeLatencyMs !== undefined) resolved.writeLatencyMs = checked.writeLatencyMs;
      if (latency.readLatencyMs !== undefined) resolved.readLatencyMs = checked.readLatencyMs;
    },
    inspect: {
      versionCount: () => state.totalVersions,
      modeOf: (scope) => state.modes.get(normalizeScope(scope)),
      maxIdOf: (context) => state.context(normalizeContext(context))?.maxId,
    },
  };
}

function normalizeScope(scope: string): string {
  const name = parseQualified(scope);
  return contextPrefix(name.context) + name.subject;
}

function normalizeContext(context: string): string {
  const trimmed = context.replace(/^:/, '').replace(/:$/, '');
  if (trimmed === '' || trimmed === '.') return '.';
  return trimmed.startsWith('.') ? trimmed : `.${trimmed}`;
}
