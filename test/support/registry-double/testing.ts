/** Small fetch wrapper for tests that talk to the double (or any registry) over HTTP. */

export interface HttpResult {
  readonly status: number;
  /** Parsed JSON, or the raw text when the body is not JSON. */
  readonly body: any;
}

export type Caller = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<HttpResult>;

/** A caller bound to `baseUrl`; bodies are sent as application/vnd.schemaregistry.v1+json. */
export function httpCaller(baseUrl: string, defaultHeaders: Record<string, string> = {}): Caller {
  return async (method, path, body, headers) => {
    const res = await fetch(baseUrl + path, {
      method,
      headers: {
        'Content-Type': 'application/vnd.schemaregistry.v1+json',
        ...defaultHeaders,
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed };
  };
}

/** Percent-encodes a subject for a path segment (slashes included). */
export const enc = (subject: string): string => encodeURIComponent(subject);
