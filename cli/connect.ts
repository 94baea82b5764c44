import type { HttpSchemaRegistryClient } from '../lambda/registry-client/client';
import type { CredentialSources } from '../lambda/registry-client/credentials';
import { openRegistry } from '../lambda/registry-client/open-registry';
import { parseRegistryUrl } from '../lambda/registry-client/registry-url';
import { UsageError } from './errors';
import type { CliIo } from './io';
import type { CommonOptions } from './options';

/** Which registry a command line talks to; it picks the flag and variable names. */
export type RegistrySide = 'source' | 'target';

/** The environment variables that carry one side's credentials. */
export function authEnvNames(side: RegistrySide): { basic: string; token: string } {
  const prefix = side === 'source' ? 'SR_SOURCE' : 'SR_TARGET';
  return { basic: `${prefix}_AUTH`, token: `${prefix}_TOKEN` };
}

/** The fix named in authentication errors: "check SR_TARGET_AUTH / --target-secret-arn". */
export function credentialHint(side: RegistrySide): string {
  return `check ${authEnvNames(side).basic} / --${side}-secret-arn`;
}

/**
 * One side's credential sources from the command line, first match wins:
 * --<side>-secret-arn, SR_<SIDE>_AUTH ("user:password"), SR_<SIDE>_TOKEN, then user:pass@ in the URL.
 */
export function cliCredentials(side: RegistrySide, options: CommonOptions, env: NodeJS.ProcessEnv): Omit<CredentialSources, 'url'> {
  const names = authEnvNames(side);
  const secretArn = side === 'source' ? options.sourceSecretArn : options.targetSecretArn;
  return {
    secret: { value: secretArn, label: `--${side}-secret-arn` },
    basic: { value: env[names.basic], label: names.basic },
    token: { value: env[names.token], label: names.token },
  };
}

/**
 * A client for one side (source or target) from the command line: credentials as in
 * `cliCredentials`, TLS from --ca/--cert/--key (verification always on), --timeout and
 * --retries. Retries are logged as plain lines unless --quiet.
 */
export async function connectRegistry(
  side: RegistrySide,
  url: string,
  options: CommonOptions,
  io: CliIo,
): Promise<HttpSchemaRegistryClient> {
  try {
    parseRegistryUrl(url, `--${side}`);
  } catch (error) {
    // The message never echoes the URL: it may carry a password.
    throw new UsageError((error as Error).message);
  }
  return openRegistry({
    url,
    credentials: cliCredentials(side, options, io.env),
    authHint: credentialHint(side),
    timeoutMs: options.timeout,
    retry: { maxAttempts: options.retries + 1 },
    ...(options.ca || options.cert || options.key ? { tls: { caFile: options.ca, certFile: options.cert, keyFile: options.key } } : {}),
    onRetry: options.quiet
      ? undefined
      : (event) => io.stderr.write(`retrying ${event.operation} (attempt ${event.attempt + 1} of ${event.maxAttempts})\n`),
  });
}
