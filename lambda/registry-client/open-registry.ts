import { HttpSchemaRegistryClient, type HttpSchemaRegistryClientOptions } from './client';
import { resolveRegistryAuth, type CredentialSources } from './credentials';

export interface OpenRegistryOptions extends Omit<HttpSchemaRegistryClientOptions, 'auth'> {
  /**
   * Where the credentials come from, in precedence order (see credentials.ts).
   * @default none beyond `user:pass@` embedded in `url`
   */
  readonly credentials?: Omit<CredentialSources, 'url'>;
}

/**
 * The one way to open a registry client: credentials resolved from their sources (explicit,
 * Secrets Manager, "user:password", bearer token, or embedded in the URL), then an HTTP client
 * whose auth errors name `authHint`. The CLI, the Lambda handlers and the migration runner all
 * open their clients here.
 */
export async function openRegistry(options: OpenRegistryOptions): Promise<HttpSchemaRegistryClient> {
  const { credentials, ...clientOptions } = options;
  const { auth } = await resolveRegistryAuth({ ...credentials, url: { value: options.url, label: 'the registry URL' } });
  return new HttpSchemaRegistryClient({ ...clientOptions, auth });
}
