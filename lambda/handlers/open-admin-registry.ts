import { HttpSchemaRegistryClient } from '../registry-client/client';
import { resolveRegistryAuth } from '../registry-client/credentials';

/**
 * A registry client authenticated with the admin credentials in Secrets Manager
 * (`{"username","password"}`), read with the standard SDK configuration. Nothing secret is
 * logged or put into messages; auth failures name the secret to check.
 */
export async function openAdminRegistry(registryUrl: string, adminSecretArn: string): Promise<HttpSchemaRegistryClient> {
  const { auth } = await resolveRegistryAuth({ side: 'target', secretArn: adminSecretArn, env: {} });
  return new HttpSchemaRegistryClient({
    url: registryUrl,
    auth,
    authHint: `check the admin credentials in secret ${adminSecretArn} and that the registry uses them`,
  });
}
