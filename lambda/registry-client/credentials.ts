import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { RegistryAuth } from './auth';
import { parseRegistryUrl } from './registry-url';

/** Where resolved credentials came from (safe to log). */
export type AuthOrigin = 'option' | 'secret' | 'basic' | 'token' | 'url' | 'none';

/** A credential value and the name a message uses for it (e.g. an environment variable), never the value. */
export interface NamedValue {
  readonly value?: string;
  /** What the value is called where the user sets it: "SR_SOURCE_AUTH", "--source-secret-arn". */
  readonly label: string;
}

/**
 * The places credentials may come from, in precedence order (first match wins). The caller
 * names each place in its own words (a CLI its flags and variables, a handler its
 * configuration), so messages tell the user what to fix.
 */
export interface CredentialSources {
  /** Credentials given directly. */
  readonly auth?: RegistryAuth;
  /** Secrets Manager secret holding `{"username","password"}` or `{"token"}`; `label` names where its ARN was set. */
  readonly secret?: NamedValue;
  /** "user:password". */
  readonly basic?: NamedValue;
  /** A bearer token ("Bearer " prefix allowed). */
  readonly token?: NamedValue;
  /** The registry URL, for credentials embedded as `user:pass@` (lowest precedence); `label` names the URL in errors. */
  readonly url?: NamedValue;
  /**
   * Client for the secret (inject a mocked one in tests).
   * @default a client from the standard SDK configuration
   */
  readonly secretsClient?: Pick<SecretsManagerClient, 'send'>;
}

export interface ResolvedRegistryAuth {
  readonly auth: RegistryAuth;
  readonly origin: AuthOrigin;
}

/**
 * Resolves credentials from `sources`, first match wins: `auth`, `secret`, `basic`, `token`,
 * then `user:pass@` in the URL; otherwise none. Errors name the source by its label and never
 * echo a value.
 */
export async function resolveRegistryAuth(sources: CredentialSources): Promise<ResolvedRegistryAuth> {
  if (sources.auth) return { auth: sources.auth, origin: 'option' };
  if (sources.secret?.value) {
    const client = sources.secretsClient ?? new SecretsManagerClient({});
    return { auth: await readSecretAuth(client, sources.secret.value, sources.secret.label), origin: 'secret' };
  }
  if (sources.basic?.value) return { auth: parseUserPassword(sources.basic.value, sources.basic.label), origin: 'basic' };
  if (sources.token?.value) return { auth: parseToken(sources.token.value, sources.token.label), origin: 'token' };
  if (sources.url?.value) {
    const embedded = parseRegistryUrl(sources.url.value, sources.url.label).embeddedAuth;
    if (embedded) return { auth: embedded, origin: 'url' };
  }
  return { auth: { type: 'none' }, origin: 'none' };
}

/** Parses "user:password" (the password may contain ':'). */
export function parseUserPassword(value: string, label: string): RegistryAuth {
  const colon = value.indexOf(':');
  if (colon <= 0) {
    throw new Error(`${label} must be "user:password" (${colon === 0 ? 'the user is empty' : 'no ":" found'}); the value is not shown`);
  }
  const password = value.slice(colon + 1);
  if (password === '') throw new Error(`${label} must be "user:password" (the password is empty); the value is not shown`);
  return { type: 'basic', username: value.slice(0, colon), password };
}

function parseToken(value: string, label: string): RegistryAuth {
  const token = value.trim().replace(/^Bearer\s+/i, '');
  if (token === '' || /\s/.test(token)) {
    throw new Error(`${label} must be a single bearer token without spaces; the value is not shown`);
  }
  return { type: 'bearer', token };
}

/** Parses the secret JSON: `{"username","password"}` or `{"token"}`. */
export function parseSecretAuth(secretString: string, secretArn: string): RegistryAuth {
  const shape = `secret ${secretArn} must be JSON {"username": "...", "password": "..."} or {"token": "..."}`;
  let value: unknown;
  try {
    value = JSON.parse(secretString);
  } catch {
    throw new Error(`${shape}; it is not valid JSON (the value is not shown)`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${shape}; it is not a JSON object`);
  const fields = value as Record<string, unknown>;
  if (typeof fields.username === 'string' && fields.username !== '' && typeof fields.password === 'string' && fields.password !== '') {
    return { type: 'basic', username: fields.username, password: fields.password };
  }
  if (typeof fields.token === 'string' && fields.token !== '') return { type: 'bearer', token: fields.token };
  const present = Object.keys(fields).sort().join(', ') || 'none';
  throw new Error(`${shape}; it has the fields: ${present}`);
}

async function readSecretAuth(client: Pick<SecretsManagerClient, 'send'>, secretArn: string, label: string): Promise<RegistryAuth> {
  let secretString: string | undefined;
  try {
    const output = await client.send(new GetSecretValueCommand({ SecretId: secretArn }));
    secretString = output.SecretString;
  } catch (error) {
    throw secretsError(error, secretArn, label);
  }
  if (secretString === undefined) {
    throw new Error(`secret ${secretArn} has no string value (binary secrets are not supported); store JSON {"username","password"}`);
  }
  return parseSecretAuth(secretString, secretArn);
}

function secretsError(error: unknown, secretArn: string, label: string): Error {
  const name = (error as { name?: string })?.name ?? 'Error';
  const message = (error as Error)?.message ?? '';
  if (name === 'ResourceNotFoundException') {
    return new Error(`secret ${secretArn} not found; check ${label} and the region`);
  }
  if (name === 'AccessDeniedException') {
    return new Error(
      `not allowed to read secret ${secretArn}; grant secretsmanager:GetSecretValue (and kms:Decrypt for a customer-managed key)`,
    );
  }
  if (name === 'DecryptionFailure') return new Error(`cannot decrypt secret ${secretArn}; grant kms:Decrypt on its key`);
  if (name === 'CredentialsProviderError' || /credential/i.test(message)) {
    return new Error(`no AWS credentials to read secret ${secretArn}; set AWS_PROFILE or AWS credentials, or run with an IAM role`);
  }
  if (/region is missing/i.test(message)) return new Error(`no AWS region to read secret ${secretArn}; set AWS_REGION`);
  return new Error(`cannot read secret ${secretArn}: ${name}`);
}
