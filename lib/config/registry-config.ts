import { envNameToProperty, managedPropertyHint, propertyToEnvName, SECRET_LOOKING_PROPERTY } from './schema-registry-properties';
import { isSha256Hex } from './validation/formats';

/**
 * The Schema Registry process itself: image version, JVM sizing, basic auth and extra
 * non-secret `schema-registry.properties`.
 */
export interface RegistryConfig {
  /**
   * `confluentinc/cp-schema-registry` tag the image is built from (build arg CP_VERSION).
   * @default '8.0.4'
   */
  readonly confluentVersion: string;

  /**
   * `aws-msk-iam-auth` release added to the image (build arg MSK_IAM_AUTH_VERSION).
   * @default '2.3.8'
   */
  readonly mskIamAuthVersion: string;

  /**
   * SHA-256 of `aws-msk-iam-auth-<version>-all.jar` (build arg MSK_IAM_AUTH_SHA256). The image
   * build downloads the jar and refuses it unless the hash matches, so compute it once from a
   * release asset you trust and commit it here. Synth works without it; the image build does not.
   * @default undefined (set before the first deploy)
   */
  readonly mskIamAuthSha256?: string;

  /**
   * JVM heap (-Xms = -Xmx) as a share of task memory; the rest is metaspace, threads and the OS.
   * Between 0.25 and 0.85.
   * @default 0.6
   */
  readonly heapShare: number;

  /** HTTP basic authentication in front of the registry API. */
  readonly basicAuth: BasicAuthConfig;

  /**
   * Extra `schema-registry.properties` entries (tuning, plugins), e.g.
   * `{ 'schema.compatibility.level': 'full' }`. Non-secret only; settings the app manages
   * (Kafka store, listeners, host name, authentication) are rejected.
   * @default {}
   */
  readonly extraProperties: Record<string, string>;
}

/** HTTP basic authentication. Credentials come from the generated admin secret in the Data stack. */
export interface BasicAuthConfig {
  /**
   * Require basic auth on every path except the health check `/`.
   * @default true
   */
  readonly enabled: boolean;

  /**
   * Roles allowed in (`authentication.roles`); the admin user gets all of them.
   * @default ['admin']
   */
  readonly roles: string[];
}

/** Problems in `registry` (image version, heap share, basic auth, extra properties). */
export function validateRegistryConfig(registry: RegistryConfig): string[] {
  const problems: string[] = [];
  if (!/^\d+\.\d+\.\d+$/.test(registry.confluentVersion)) {
    problems.push(`registry.confluentVersion: '${registry.confluentVersion}' must be a pinned release like 7.9.1`);
  }
  if (!/^\d+\.\d+\.\d+$/.test(registry.mskIamAuthVersion)) {
    problems.push(`registry.mskIamAuthVersion: '${registry.mskIamAuthVersion}' must be a release like 2.3.8`);
  }
  if (registry.mskIamAuthSha256 !== undefined && !isSha256Hex(registry.mskIamAuthSha256)) {
    problems.push('registry.mskIamAuthSha256: must be 64 lowercase hex characters (sha256sum of the -all.jar)');
  }
  if (!(registry.heapShare >= 0.25 && registry.heapShare <= 0.85)) {
    problems.push(
      `registry.heapShare: ${registry.heapShare} is out of range; use 0.25 to 0.85 of task memory (the JVM needs the rest for metaspace and threads)`,
    );
  }
  if (registry.basicAuth.enabled && registry.basicAuth.roles.length === 0) {
    problems.push('registry.basicAuth.roles: basic auth is enabled but no role is listed; use e.g. ["admin"]');
  }
  for (const role of registry.basicAuth.roles) {
    if (!/^[A-Za-z][\w-]*$/.test(role)) problems.push(`registry.basicAuth.roles: '${role}' must be a word like admin`);
  }
  for (const [key, value] of Object.entries(registry.extraProperties)) {
    const where = `registry.extraProperties['${key}']`;
    const managed = managedPropertyHint(key);
    if (managed !== undefined) {
      problems.push(`${where}: is managed by the app; ${managed}`);
    } else if (SECRET_LOOKING_PROPERTY.test(key)) {
      problems.push(
        `${where}: looks like a secret; task environment variables are visible in the ECS API, keep secrets in Secrets Manager`,
      );
    } else if (!/^[a-z0-9][a-z0-9._-]*$/.test(key) || envNameToProperty(propertyToEnvName(key)) !== key) {
      problems.push(`${where}: cannot be passed through the cp image's SCHEMA_REGISTRY_* mapping; use lowercase dotted names`);
    }
    if (typeof value !== 'string') problems.push(`${where}: value must be a string`);
  }
  return problems;
}
