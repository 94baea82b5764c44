import { validateBackupConfig } from './backup-config';
import { validateDataConfig } from './data-config';
import { validateEndpointConfig } from './endpoint-config';
import { type EnvironmentConfig, validateEnvironmentFields } from './environment-config';
import { validateKafkaConfig } from './kafka-config';
import { validateMigrationConfig } from './migration-config';
import { validateMonitoringConfig } from './monitoring-config';
import { validateNetworkConfig } from './network-config';
import { validateRegistryConfig } from './registry-config';
import { validateSeedingConfig } from './seeding-config';
import { validateServiceConfig } from './service-config';

/** A per-concern check: returns one human-readable problem per issue (empty when valid). */
export type ConfigValidator = (config: EnvironmentConfig) => string[];

/**
 * Every validator, in the order their problems are listed. Each concern's validator lives in
 * its `<concern>-config.ts` and takes its own section plus the few environment facts it needs
 * (name, region, the AZ list); a new concern adds its line here.
 */
export const CONFIG_VALIDATORS: readonly ConfigValidator[] = [
  validateEnvironmentFields,
  (config) => validateNetworkConfig(config.network, config.name, config.region),
  (config) => validateEndpointConfig(config.endpoint, config.region, config.name),
  (config) => validateServiceConfig(config.service, config.name),
  (config) => validateRegistryConfig(config.registry),
  (config) => validateKafkaConfig(config.kafka, config.network.availabilityZones),
  (config) => validateDataConfig(config.data, config.name),
  (config) => validateMonitoringConfig(config.monitoring),
  (config) => validateBackupConfig(config.backup, config.name),
  (config) => validateSeedingConfig(config.seeding),
  (config) => validateMigrationConfig(config.migration, config.region),
];

/** Thrown when a configuration has problems; lists all of them at once. */
export class ConfigValidationError extends Error {
  constructor(
    readonly environment: string,
    readonly problems: readonly string[],
  ) {
    super(
      `Invalid configuration for '${environment}':\n${problems.map((p) => ` - ${p}`).join('\n')}\n` +
        'Fix the values in lib/config/environments.ts or the matching -c overrides.',
    );
    this.name = 'ConfigValidationError';
  }
}

/** Every problem in the configuration (empty when it is valid). */
export function collectConfigProblems(config: EnvironmentConfig): string[] {
  return CONFIG_VALIDATORS.flatMap((validate) => validate(config));
}

/** Throws ONE ConfigValidationError naming every problem; returns the config when valid. */
export function validateConfig(config: EnvironmentConfig): EnvironmentConfig {
  const problems = collectConfigProblems(config);
  if (problems.length > 0) throw new ConfigValidationError(config.name, problems);
  return config;
}
