/** How a request's path and query are written: the transport appends them to the base URL's path. */

/**
 * A path WHATWG URL parsing leaves unchanged: it starts with "/", holds only characters URL
 * leaves alone in a path (no query, fragment, backslash, space or non-ASCII), and has no "."
 * or ".." segment (also percent-encoded), which URL parsing would resolve away.
 */
const NORMAL_PATH = /^(?!(?:.*\/)?(?:\.|%2e){1,2}(?:\/|$))\/[A-Za-z0-9\-._~!$&'()*+,;=:@%/]*$/i;

/** True when `path` comes out of URL parsing unchanged, so it can be appended to the base path as is. */
export function isNormalPath(path: string): boolean {
  return NORMAL_PATH.test(path);
}

/**
 * `a=1&b=x` from scalar params, skipping undefined ones, encoded as axios' default serializer
 * did (encodeURIComponent, then ":", "$", "," and "+" for space left readable).
 */
export function serializeQuery(params: Record<string, unknown>): string {
  let query = '';
  for (const key in params) {
    const value = params[key];
    if (value === undefined) continue;
    query += `${query === '' ? '' : '&'}${encodeQueryPart(key)}=${encodeQueryPart(value === null ? '' : String(value))}`;
  }
  return query;
}

function encodeQueryPart(text: string): string {
  return encodeURIComponent(text).replace(/%3A/gi, ':').replace(/%24/g, '$').replace(/%2C/gi, ',').replace(/%20/g, '+');
}
