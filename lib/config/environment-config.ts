import type { BackupConfig } from './backup-config';
import type { DataConfig } from './data-config';
import type { EndpointConfig } from './endpoint-config';
import type { KafkaConfig } from './kafka-config';
import type { MigrationConfig } from './migration-config';
import type { MonitoringConfig } from './monitoring-config';
import type { NetworkConfig } from './network-config';
import type { RegistryConfig } from './registry-config';
import type { SeedingConfig } from './seeding-config';
import type { ServiceConfig } from './service-config';
import { ENVIRONMENT_NAMES, type EnvironmentName } from './environment-name';
import { isAccountId, isRegion } from './validation/formats';

/**
 * Everything that differs between environments. Composed from one interface per concern; each
 * concern's `<concern>-config.ts` holds its interface, its per-environment defaults where it has
 * a table of them, and its validator. A new concern adds a field here, its own module, and its
 * validator to CONFIG_VALIDATORS (validate-config.ts).
 */
export interface EnvironmentConfig {
  /** Environment name; also decides prod-only rules (sizing, retention, no Spot). Required, no default. */
  readonly name: EnvironmentName;

  /**
   * AWS account to deploy to. Leave unset to deploy into whatever account the CLI credentials
   * point at (stacks stay account-agnostic, so synth needs no credentials). Set it to guard
   * against deploying prod into the wrong account.
   * @default undefined (account-agnostic)
   */
  readonly account?: string;

  /**
   * AWS region (e.g. `eu-west-1`). `network.availabilityZones` must belong to it.
   * @default 'eu-west-1'
   */
  readonly region: string;

  /**
   * CloudFormation termination protection on every stack of the environment (Network, Data,
   * Registry, Monitoring). Required in prod.
   * @default false (dev), true (staging, prod)
   */
  readonly terminationProtection: boolean;

  /** VPC, AZs, NAT, endpoints, flow logs. Required; see network-config.ts for the per-env defaults. */
  readonly network: NetworkConfig;
  /** Load balancer listener, allowed clients, optional DNS record. Required. */
  readonly endpoint: EndpointConfig;
  /** Fargate sizing, task counts, scaling, Spot, ECS Exec, logs. Required. */
  readonly service: ServiceConfig;
  /** Registry image, JVM heap, basic auth, extra properties. Required. */
  readonly registry: RegistryConfig;
  /** Kafka store: a created MSK cluster or an existing cluster. Required. */
  readonly kafka: KafkaConfig;
  /** Buckets, retention and removal behaviour of the stateful stack. Required. */
  readonly data: DataConfig;
  /** Alarm thresholds, notification topic and dashboard. Required; see monitoring-config.ts for the per-env defaults. */
  readonly monitoring: MonitoringConfig;
  /** Scheduled full exports to the data bucket. Required; see backup-config.ts for the per-env defaults. */
  readonly backup: BackupConfig;
  /**
   * Seed the new registry from an export during `cdk deploy` (custom resource).
   * @default undefined (no seeding resource)
   */
  readonly seeding?: SeedingConfig;
  /**
   * The on-demand migration task (`sr-migrate remote`), the mode check and the migration alarms.
   * Required; see migration-config.ts for the defaults (on everywhere).
   */
  readonly migration: MigrationConfig;
}

/** Problems in the top-level fields (name, account, region, termination protection); the concerns have their own validators. */
export function validateEnvironmentFields(config: EnvironmentConfig): string[] {
  const problems: string[] = [];
  if (!ENVIRONMENT_NAMES.includes(config.name)) {
    problems.push(`name: '${String(config.name)}' must be one of ${ENVIRONMENT_NAMES.join(', ')}`);
  }
  if (config.account !== undefined && !isAccountId(config.account)) {
    problems.push(`account: '${config.account}' is not a 12-digit AWS account id`);
  }
  if (!isRegion(config.region)) {
    problems.push(`region: '${config.region}' is not an AWS region like eu-west-1`);
  }
  if (config.name === 'prod' && config.terminationProtection !== true) {
    problems.push('terminationProtection: prod must protect every stack from deletion (set it to true)');
  }
  return problems;
}
