/**
 * How the client authenticates to a registry. Values are secrets: never log them,
 * never put them into error messages or export files.
 */
export type RegistryAuth =
  | { readonly type: 'none' }
  | { readonly type: 'basic'; readonly username: string; readonly password: string }
  | { readonly type: 'bearer'; readonly token: string };

export const NO_AUTH: RegistryAuth = { type: 'none' };

/** The `Authorization` header value for `auth`, or undefined when none is needed. */
export function authorizationHeader(auth: RegistryAuth): string | undefined {
  switch (auth.type) {
    case 'basic':
      return `Basic ${Buffer.from(`${auth.username}:${auth.password}`, 'utf8').toString('base64')}`;
    case 'bearer':
      return `Bearer ${auth.token}`;
    default:
      return undefined;
  }
}

/** A short description safe to log ("basic auth as user alice", "bearer token", "no auth"). */
export function describeAuth(auth: RegistryAuth): string {
  switch (auth.type) {
    case 'basic':
      return `basic auth as user ${auth.username}`;
    case 'bearer':
      return 'bearer token';
    default:
      return 'no auth';
  }
}
