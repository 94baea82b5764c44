import { validateBackupConfig } from '../backup-config';
import type { EnvironmentConfig } from '../environment-config';
import { validateMonitoringConfig } from '../monitoring-config';
import { validateSeedingConfig } from '../seeding-config';
import { validateData } from './validate-data';
import { validateEndpoint } from './validate-endpoint';
import { validateEnvironment } from './validate-environment';
import { validateKafka } from './validate-kafka';
import { validateNetwork } from './validate-network';
import { validateRegistry } from './validate-registry';
import { validateService } from './validate-service';

/** A per-concern check: returns one human-readable problem per issue (empty when valid). */
export type ConfigValidator = (config: EnvironmentConfig) => string[];

/**
 * Every per-concern validator. A feature that adds a config concern (monitoring, seeding,
 * backups) adds its validator here.
 */
export const CONFIG_VALIDATORS: readonly ConfigValidator[] = [
  validateEnvironment,
  validateNetwork,
  validateEndpoint,
  validateService,
  validateRegistry,
  validateKafka,
  validateData,
  (config) => validateMonitoringConfig(config.monitoring),
  (config) => validateBackupConfig(config.backup, config.name),
  (config) => validateSeedingConfig(config.seeding),
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

export { validateData, validateEndpoint, validateEnvironment, validateKafka, validateNetwork, validateRegistry, validateService };
