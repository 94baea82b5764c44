import type { EnvironmentConfig } from '../environment-config';
import {
  envNameToProperty,
  MANAGED_PROPERTIES,
  MANAGED_PROPERTY_PREFIXES,
  propertyToEnvName,
  SECRET_LOOKING_PROPERTY,
} from '../schema-registry-properties';

/** Problems in `registry` (image version, heap share, basic auth, extra properties). */
export function validateRegistry(config: EnvironmentConfig): string[] {
  const { registry } = config;
  const problems: string[] = [];
  if (!/^\d+\.\d+\.\d+$/.test(registry.confluentVersion)) {
    problems.push(`registry.confluentVersion: '${registry.confluentVersion}' must be a pinned release like 7.9.1`);
  }
  if (!/^\d+\.\d+\.\d+$/.test(registry.mskIamAuthVersion)) {
    problems.push(`registry.mskIamAuthVersion: '${registry.mskIamAuthVersion}' must be a release like 2.3.2`);
  }
  if (registry.mskIamAuthSha256 !== undefined && !/^[0-9a-f]{64}$/.test(registry.mskIamAuthSha256)) {
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
    if (MANAGED_PROPERTIES.includes(key) || MANAGED_PROPERTY_PREFIXES.some((p) => key.startsWith(p))) {
      problems.push(`${where}: is managed by the app (set it through the typed config, not extraProperties)`);
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
