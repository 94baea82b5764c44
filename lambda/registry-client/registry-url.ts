import type { RegistryAuth } from './auth';

/** A registry base URL split into its safe-to-log part and any embedded credentials. */
export interface ParsedRegistryUrl {
  /** Scheme, host, port and path prefix; no credentials, query or trailing slash. */
  readonly displayUrl: string;
  /** Basic credentials embedded as `https://user:pass@host`, percent-decoded. */
  readonly embeddedAuth?: RegistryAuth;
}

/**
 * Parses a registry URL such as `https://user:pass@sr.example.com:8081/prefix`.
 * Throws an error that names the problem without echoing the URL (it may hold a password).
 */
export function parseRegistryUrl(url: string, label = 'registry URL'): ParsedRegistryUrl {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new Error(`${label} is not a valid URL; expected e.g. https://schema-registry.example.com:8081`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new Error(`${label} must start with http:// or https:// (got ${parsed.protocol}//…)`);
  }
  let embeddedAuth: RegistryAuth | undefined;
  if (parsed.username || parsed.password) {
    embeddedAuth = {
      type: 'basic',
      username: safeDecode(parsed.username),
      password: safeDecode(parsed.password),
    };
  }
  const path = parsed.pathname.replace(/\/+$/, '');
  return { displayUrl: `${parsed.protocol}//${parsed.host}${path}`, embeddedAuth };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
