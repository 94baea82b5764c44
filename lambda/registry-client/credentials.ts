import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { RegistryAuth } from './auth';
import { parseRegistryUrl } from './registry-url';

/** Which registry credentials are for; picks the env var and flag names. */
export type RegistrySide = 'source' | 'target';

/** Where resolved credentials came from (safe to log). */
export type AuthOrigin = 'option' | 'secret' | 'env-basic' | 'env-token' | 'url' | 'none';

export interface ResolveRegistryAuthOptions {
  readonly side: RegistrySide;
  /** Credentials given directly (highest precedence). */
  readonly auth?: RegistryAuth;
  /** Secrets Manager secret holding `{"username","password"}` or `{"token"}`. */
  readonly secretArn?: string;
  /** The registry URL, for credentials embedded as `user:pass@` (lowest precedence). */
  readonly url?: string;
  /**
   * Environment to read SR_<SIDE>_AUTH / SR_<SIDE>_TOKEN from.
   * @default process.env
   */
  readonly env?: NodeJS.ProcessEnv;
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

/** Env var names per side. */
export function authEnvNames(side: RegistrySide): { basic: string; token: string } {
  const prefix = side === 'source' ? 'SR_SOURCE' : 'SR_TARGET';
  return { basic: `${prefix}_AUTH`, token: `${prefix}_TOKEN` };
}

/** The fix named in authentication errors: "check SR_TARGET_AUTH / --target-secret-arn". */
export function credentialHint(side: RegistrySide): string {
  return `check ${authEnvNames(side).basic} / --${side}-secret-arn`;
}

/**
 * Resolves credentials for one side, first match wins:
 * 1. `auth` given explicitly;
 * 2. the Secrets Manager secret `secretArn` (JSON `{"username","password"}` or `{"token"}`);
 * 3. `SR_SOURCE_AUTH` / `SR_TARGET_AUTH` = "user:password";
 * 4. `SR_SOURCE_TOKEN` / `SR_TARGET_TOKEN` = bearer token;
 * 5. `user:pass@` embedded in the URL;
 * otherwise none. Errors name the variable or secret and never echo its value.
 */
export async function resolveRegistryAuth(options: ResolveRegistryAuthOptions): Promise<ResolvedRegistryAuth> {
  if (options.auth) return { auth: options.auth, origin: 'option' };
  if (options.secretArn) {
    const client = options.secretsClient ?? new SecretsManagerClient({});
    return { auth: await readSecretAuth(client, options.secretArn, options.side), origin: 'secret' };
  }
  const env = options.env ?? process.env;
  const names = authEnvNames(options.side);
  const basic = env[names.basic];
  if (basic) return { auth: parseUserPassword(basic, names.basic), origin: 'env-basic' };
  const token = env[names.token];
  if (token) return { auth: parseToken(token, names.token), origin: 'env-token' };
  if (options.url) {
    const embedded = parseRegistryUrl(options.url, `--${options.side} URL`).embeddedAuth;
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

async function readSecretAuth(client: Pick<SecretsManagerClient, 'send'>, secretArn: string, side: RegistrySide): Promise<RegistryAuth> {
  let secretString: string | undefined;
  try {
    const output = await client.send(new GetSecretValueCommand({ SecretId: secretArn }));
    secretString = output.SecretString;
  } catch (error) {
    throw secretsError(error, secretArn, side);
  }
  if (secretString === undefined) {
    throw new Error(`secret ${secretArn} has no string value (binary secrets are not supported); store JSON {"username","password"}`);
  }
  return parseSecretAuth(secretString, secretArn);
}

function secretsError(error: unknown, secretArn: string, side: RegistrySide): Error {
  const name = (error as { name?: string })?.name ?? 'Error';
  const message = (error as Error)?.message ?? '';
  if (name === 'ResourceNotFoundException') {
    return new Error(`secret ${secretArn} not found; check --${side}-secret-arn and the region`);
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
