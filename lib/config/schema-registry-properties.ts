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
 * Properties the app sets itself (from config, the entrypoint, or the task metadata), each with
 * what to do instead. Overriding them through `registry.extraProperties` would break the deployment.
 */
export const MANAGED_PROPERTIES: Readonly<Record<string, string>> = {
  'kafkastore.bootstrap.servers': 'set kafka.bootstrapServers (kafka.mode existing) instead',
  'kafkastore.topic': 'set kafka.topic instead',
  'kafkastore.topic.replication.factor': 'set kafka.replicationFactor instead',
  'kafkastore.group.id':
    "set kafka.groupId instead: each node's reader group is <kafka.groupId>-<task IP>-<port>, the pattern the task role's IAM permissions allow",
  'schema.registry.group.id': 'set kafka.groupId instead',
  listeners: `the container listens on the image contract's port; nothing to set`,
  'host.name': "the entrypoint sets each task's own IP (leader forwarding); nothing to set",
  'host.port': 'the image contract fixes the port; nothing to set',
  port: 'the image contract fixes the port; nothing to set',
  'inter.instance.protocol': 'followers reach the leader over the task network on plain HTTP; nothing to set',
  'inter.instance.listener.name': 'followers reach the leader over the task network on plain HTTP; nothing to set',
  'authentication.method': 'set registry.basicAuth.enabled instead',
  'authentication.realm': 'set registry.basicAuth.enabled instead (the entrypoint names the realm)',
  'authentication.roles': 'set registry.basicAuth.roles instead',
  'authentication.skip.paths': 'only GET / (the health check) is open; nothing to set',
  'heap.opts': 'set registry.heapShare instead',
  opts: 'the entrypoint sets the JVM options (JAAS file); nothing to set',
};

/**
 * Property prefixes the entrypoint renders from the Kafka auth mode and injected secrets, each
 * with what to do instead.
 */
export const MANAGED_PROPERTY_PREFIXES: Readonly<Record<string, string>> = {
  'kafkastore.security.': 'set kafka.auth instead',
  'kafkastore.sasl.': 'set kafka.auth (and kafka.scramSecretArn) instead',
  'kafkastore.ssl.': 'set kafka.tls instead',
  'kafkastore.config.providers': 'the entrypoint resolves key-store passwords from files; nothing to set',
};

/** What to do instead of setting `key` through extraProperties, or undefined when it is not managed. */
export function managedPropertyHint(key: string): string | undefined {
  return MANAGED_PROPERTIES[key] ?? Object.entries(MANAGED_PROPERTY_PREFIXES).find(([prefix]) => key.startsWith(prefix))?.[1];
}

/** Property names that look like they carry a secret (those belong in Secrets Manager). */
export const SECRET_LOOKING_PROPERTY = /(password|passwd|secret|credential|token|jaas|private|user\.info|api\.key)/i;
