import type { HttpSchemaRegistryClient } from '../registry-client/client';
import { openRegistry } from '../registry-client/open-registry';

/**
 * A registry client authenticated with the admin credentials in Secrets Manager
 * (`{"username","password"}`), read with the standard SDK configuration. Nothing secret is
 * logged or put into messages; auth failures name the secret to check.
 */
export function openAdminRegistry(registryUrl: string, adminSecretArn: string): Promise<HttpSchemaRegistryClient> {
  return openRegistry({
    url: registryUrl,
    credentials: { secret: { value: adminSecretArn, label: 'the admin secret ARN' } },
    authHint: `check the admin credentials in secret ${adminSecretArn} and that the registry uses them`,
  });
}
