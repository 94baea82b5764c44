import { HttpSchemaRegistryClient } from '../lambda/registry-client/client';
import { credentialHint, resolveRegistryAuth, type RegistrySide } from '../lambda/registry-client/credentials';
import { parseRegistryUrl } from '../lambda/registry-client/registry-url';
import { UsageError } from './errors';
import type { CliIo } from './io';
import type { CommonOptions } from './options';

/**
 * A client for one side (source or target) from the command line: credentials from
 * --<side>-secret-arn, SR_<SIDE>_AUTH / SR_<SIDE>_TOKEN or the URL (in that order, see
 * credentials.ts), TLS from --ca/--cert/--key (verification always on), --timeout and
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
  const secretArn = side === 'source' ? options.sourceSecretArn : options.targetSecretArn;
  const { auth } = await resolveRegistryAuth({ side, url, env: io.env, ...(secretArn ? { secretArn } : {}) });
  return new HttpSchemaRegistryClient({
    url,
    auth,
    authHint: credentialHint(side),
    timeoutMs: options.timeout,
    retry: { maxAttempts: options.retries + 1 },
    ...(options.ca || options.cert || options.key ? { tls: { caFile: options.ca, certFile: options.cert, keyFile: options.key } } : {}),
    onRetry: options.quiet
      ? undefined
      : (event) => io.stderr.write(`retrying ${event.operation} (attempt ${event.attempt + 1} of ${event.maxAttempts})\n`),
  });
}
