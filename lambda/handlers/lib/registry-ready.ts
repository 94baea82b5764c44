import axios from 'axios';

/** Result of probing a registry's root endpoint. */
export interface RegistryProbe {
  readonly answered: boolean;
  /** What happened, safe to log: "HTTP 200", "HTTP 503", "ECONNREFUSED". */
  readonly detail: string;
}

/**
 * `GET /` (the registry's health path, exempt from basic auth). Any answer from the registry
 * itself counts, including 401/403: a credentials problem then surfaces as the import's clear
 * auth error instead of an endless wait. 5xx (e.g. the load balancer's 502/503 while no target
 * is healthy) and network errors mean "not yet".
 */
export async function probeRegistry(baseUrl: string, timeoutMs = 5000): Promise<RegistryProbe> {
  try {
    const response = await axios.get(`${baseUrl.replace(/\/+$/, '')}/`, {
      timeout: timeoutMs,
      validateStatus: () => true,
      // The probe needs no body; keep it tiny even if something large answers.
      maxContentLength: 64 * 1024,
      responseType: 'text',
    });
    return { answered: response.status < 500, detail: `HTTP ${response.status}` };
  } catch (error) {
    const code = (error as { code?: string }).code;
    return { answered: false, detail: code ?? (error instanceof Error ? error.message : String(error)) };
  }
}
