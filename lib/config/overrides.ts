import type { EnvironmentConfig } from './environment-config';
import { ENVIRONMENT_NAMES, type EnvironmentName } from './environment-name';

/**
 * Optional config fields that may be set by an override although the environment leaves them
 * unset. Anything else must already exist, so a typo (`desiredTask`) fails instead of being ignored.
 * Features that add optional fields list them here.
 */
export const OPTIONAL_OVERRIDE_PATHS: Readonly<Record<string, 'string' | 'number' | 'json'>> = {
  account: 'string',
  'endpoint.certificateArn': 'string',
  'registry.mskIamAuthSha256': 'string',
  'endpoint.dns': 'json',
  'kafka.bootstrapServers': 'string',
  'kafka.auth': 'string',
  'kafka.scramSecretArn': 'string',
  'kafka.scramSecretKmsKeyArn': 'string',
  'kafka.tls': 'json',
  'kafka.clusterArn': 'string',
  'kafka.brokerPort': 'number',
  'kafka.brokerCidrs': 'json',
  'kafka.brokerCount': 'number',
  'kafka.instanceType': 'string',
  'kafka.kafkaVersion': 'string',
  'kafka.volumeSizeGiB': 'number',
  'kafka.brokerLogRetentionDays': 'number',
  'monitoring.existingTopicArn': 'string',
  seeding: 'json',
  'migration.sourceSecretArn': 'string',
};

/** Prefix of map-valued fields whose keys are free-form (`registry.extraProperties.<property>`). */
const FREE_FORM_MAPS = ['registry.extraProperties'];

/** Thrown for an override that names no config field or whose value has the wrong type. */
export class ConfigOverrideError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigOverrideError';
  }
}

/**
 * Picks the overrides for one environment out of CDK context: `dev.service.desiredTasks=3`
 * becomes `{ 'service.desiredTasks': '3' }` for `dev`. Other keys are ignored.
 */
export function overridesFromContext(environment: EnvironmentName, context: Record<string, unknown>): Record<string, unknown> {
  const prefix = `${environment}.`;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(context)) {
    if (key.startsWith(prefix)) result[key.slice(prefix.length)] = value;
  }
  return result;
}

/** True for context keys that look like config overrides (`<env>.<path>`). */
export function isOverrideKey(key: string): boolean {
  return ENVIRONMENT_NAMES.some((env) => key.startsWith(`${env}.`));
}

/**
 * Returns a copy of `config` with dotted-path overrides applied. Values from `-c` arrive as
 * strings and are converted to the type of the field they replace (number, boolean, or JSON
 * for lists and objects).
 */
export function applyOverrides(config: EnvironmentConfig, overrides: Record<string, unknown>): EnvironmentConfig {
  const copy = structuredClone(config) as unknown as Record<string, unknown>;
  for (const [path, raw] of Object.entries(overrides)) {
    const segments = path.split('.');
    const leaf = segments.pop()!;
    const freeForm = FREE_FORM_MAPS.some((m) => path.startsWith(`${m}.`));
    const parentPath = freeForm ? FREE_FORM_MAPS.find((m) => path.startsWith(`${m}.`))! : segments.join('.');
    const key = freeForm ? path.slice(parentPath.length + 1) : leaf;
    const parent = resolveObject(copy, parentPath, config.name, path);
    const current = parent[key];
    if (current === undefined && !freeForm && !(path in OPTIONAL_OVERRIDE_PATHS)) {
      throw new ConfigOverrideError(
        `Unknown config override '${config.name}.${path}': no such field. Check the spelling against the configuration table in the README.`,
      );
    }
    const expected = current === undefined ? (freeForm ? 'string' : OPTIONAL_OVERRIDE_PATHS[path]) : typeOf(current);
    parent[key] = coerce(raw, expected, `${config.name}.${path}`);
  }
  return copy as unknown as EnvironmentConfig;
}

function resolveObject(root: Record<string, unknown>, path: string, env: string, full: string): Record<string, unknown> {
  let node: unknown = root;
  for (const segment of path === '' ? [] : path.split('.')) {
    const next = (node as Record<string, unknown>)[segment];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) {
      throw new ConfigOverrideError(`Unknown config override '${env}.${full}': '${segment}' is not a config section.`);
    }
    node = next;
  }
  return node as Record<string, unknown>;
}

function typeOf(value: unknown): 'string' | 'number' | 'boolean' | 'json' {
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'object') return 'json';
  return 'string';
}

function coerce(raw: unknown, expected: 'string' | 'number' | 'boolean' | 'json', name: string): unknown {
  if (typeof raw !== 'string') return raw; // already typed (cdk.json context or tests)
  switch (expected) {
    case 'number': {
      const value = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(value)) {
        throw new ConfigOverrideError(`Config override ${name}='${raw}' must be a number.`);
      }
      return value;
    }
    case 'boolean':
      if (raw !== 'true' && raw !== 'false') {
        throw new ConfigOverrideError(`Config override ${name}='${raw}' must be true or false.`);
      }
      return raw === 'true';
    case 'json':
      try {
        return JSON.parse(raw);
      } catch {
        throw new ConfigOverrideError(`Config override ${name} must be JSON (e.g. '["10.0.0.0/8"]'); got '${raw}'.`);
      }
    default:
      return raw;
  }
}
