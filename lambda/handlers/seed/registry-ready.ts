import * as http from 'node:http';
import * as https from 'node:https';
import { exchange, httpOriginOf } from '../../registry-client/http-exchange';

/** Result of probing a registry's root endpoint. */
export interface RegistryProbe {
  readonly answered: boolean;
  /** What happened, safe to log: "HTTP 200", "HTTP 503", "ECONNREFUSED". */
  readonly detail: string;
}

/**
 * `GET /` (the registry's health path, exempt from basic auth), sent with the registry
 * client's own single-request function. Any answer from the registry itself counts, including
 * 401/403: a credentials problem then surfaces as the import's clear auth error instead of an
 * endless wait. 5xx (e.g. the load balancer's 502/503 while no target is healthy) and network
 * errors mean "not yet".
 */
export async function probeRegistry(baseUrl: string, timeoutMs = 5000): Promise<RegistryProbe> {
  try {
    const origin = httpOriginOf(new URL(baseUrl));
    const response = await exchange({
      method: 'GET',
      origin,
      path: '/',
      headers: ['Host', origin.hostHeader, 'Accept', 'application/json'],
      agent: origin.protocol === 'https:' ? https.globalAgent : http.globalAgent,
      timeoutMs,
    });
    return { answered: response.status < 500, detail: `HTTP ${response.status}` };
  } catch (error) {
    const code = (error as { code?: string }).code;
    return { answered: false, detail: code ?? (error instanceof Error ? error.message : String(error)) };
  }
}
