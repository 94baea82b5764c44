import { HttpSchemaRegistryClient, type HttpSchemaRegistryClientOptions } from './client';
import { credentialHint, resolveRegistryAuth, type ResolveRegistryAuthOptions, type RegistrySide } from './credentials';

export interface OpenRegistryOptions extends Omit<HttpSchemaRegistryClientOptions, 'auth' | 'authHint'> {
  readonly side: RegistrySide;
  /** Explicit credentials; otherwise resolved as in credentials.ts. */
  readonly auth?: HttpSchemaRegistryClientOptions['auth'];
  readonly secretArn?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly secretsClient?: ResolveRegistryAuthOptions['secretsClient'];
}

/**
 * A client for one side of a migration, with credentials resolved (option, secret, env,
 * URL) and auth errors that name that side's variable and flag.
 */
export async function openRegistryClient(options: OpenRegistryOptions): Promise<HttpSchemaRegistryClient> {
  const { side, secretArn, env, secretsClient, auth: explicit, ...clientOptions } = options;
  const { auth } = await resolveRegistryAuth({ side, auth: explicit, secretArn, env, secretsClient, url: options.url });
  return new HttpSchemaRegistryClient({ ...clientOptions, auth, authHint: credentialHint(side) });
}
