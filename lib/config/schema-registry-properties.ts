/**
 * Schema Registry property names and their environment-variable form in the cp image.
 */

/** Prefix the cp-schema-registry image turns into properties (`envToProps "SCHEMA_REGISTRY_"`). */
export const PROPERTY_ENV_PREFIX = 'SCHEMA_REGISTRY_';

/**
 * Property name -> env var name, the inverse of the image's `ConvertKey`:
 * `_` -> `__`, `-` -> `___`, `.` -> `_`, uppercase.
 * Example: `schema.compatibility.level` -> `SCHEMA_REGISTRY_SCHEMA_COMPATIBILITY_LEVEL`.
 */
export function propertyToEnvName(property: string): string {
  const encoded = property.replace(/_/g, '__').replace(/-/g, '___').replace(/\./g, '_');
  return PROPERTY_ENV_PREFIX + encoded.toUpperCase();
}

/**
 * Env var name -> property name, exactly as the image's `ConvertKey` decodes it: an underscore
 * between two non-underscores becomes `.` (non-overlapping matches, as Go's regexp replaces them),
 * then `___` -> `-`, `__` -> `_`, lowercase.
 */
export function envNameToProperty(envName: string): string {
  return envName
    .slice(PROPERTY_ENV_PREFIX.length)
    .replace(/[^_]_[^_]/g, (m) => m.replace('_', '.'))
    .replace(/___/g, '-')
    .replace(/__/g, '_')
    .toLowerCase();
}

/**
 * Properties the app sets itself (from config, the entrypoint, or the task metadata).
 * Overriding them through `registry.extraProperties` would break the deployment.
 */
export const MANAGED_PROPERTIES: readonly string[] = [
  'kafkastore.bootstrap.servers',
  'kafkastore.topic',
  'kafkastore.topic.replication.factor',
  'schema.registry.group.id',
  'listeners',
  'host.name',
  'host.port',
  'port',
  'inter.instance.protocol',
  'inter.instance.listener.name',
  'authentication.method',
  'authentication.realm',
  'authentication.roles',
  'authentication.skip.paths',
  'heap.opts',
  'opts',
];

/** Property prefixes the entrypoint renders from the Kafka auth mode and injected secrets. */
export const MANAGED_PROPERTY_PREFIXES: readonly string[] = ['kafkastore.security.', 'kafkastore.sasl.', 'kafkastore.ssl.'];

/** Property names that look like they carry a secret (those belong in Secrets Manager). */
export const SECRET_LOOKING_PROPERTY = /(password|passwd|secret|credential|token|jaas|private|user\.info|api\.key)/i;
