import { DEFAULT_BACKUP_CONFIG } from './backup-config';
import { exampleTlsEndpoint } from './endpoint-config';
import type { EnvironmentConfig } from './environment-config';
import type { EnvironmentName } from './environment-name';
import { DEFAULT_MIGRATION_CONFIG } from './migration-config';
import { DEFAULT_MONITORING_CONFIG } from './monitoring-config';
import type { RegistryConfig } from './registry-config';

/** Registry process settings shared by every environment unless overridden. */
const REGISTRY_DEFAULTS: RegistryConfig = {
  confluentVersion: '8.0.4',
  mskIamAuthVersion: '2.3.8',
  heapShare: 0.6,
  basicAuth: { enabled: true, roles: ['admin'] },
  extraProperties: {},
};

/**
 * The environments, modelled in code (reviewed like code, diffed by `cdk diff`).
 * Region and AZs are explicit so `cdk synth` needs no AWS lookups. Per-run overrides:
 * `-c dev.service.maxTasks=4` (see lib/config/overrides.ts and the README).
 *
 * Staging and prod must serve HTTPS at a DNS name: their `endpoint` holds EXAMPLE values
 * (`exampleTlsEndpoint`) so a fresh clone synthesizes, and a deploy rejects them until you put
 * your ACM certificate and Route 53 zone here (README, "Before the first deploy").
 */
export const ENVIRONMENTS: Record<EnvironmentName, EnvironmentConfig> = {
  dev: {
    name: 'dev',
    monitoring: DEFAULT_MONITORING_CONFIG.dev,
    backup: DEFAULT_BACKUP_CONFIG.dev,
    migration: DEFAULT_MIGRATION_CONFIG.dev,
    region: 'eu-west-1',
    terminationProtection: false,
    network: {
      vpcCidr: '10.40.0.0/16',
      availabilityZones: ['eu-west-1a', 'eu-west-1b'],
      natGateways: 1,
      vpcEndpoints: false,
      flowLogRetentionDays: 30,
    },
    endpoint: { allowedClientCidrs: [], allowedClientSecurityGroupIds: [], deletionProtection: false },
    service: {
      cpu: 512,
      memoryMiB: 1024,
      minTasks: 1,
      maxTasks: 2,
      cpuTargetPercent: 60,
      requestsPerTarget: 1000,
      useSpot: true,
      enableExecuteCommand: true,
      containerInsights: 'standard',
      logRetentionDays: 30,
      healthCheckGracePeriodSeconds: 120,
    },
    registry: REGISTRY_DEFAULTS,
    kafka: {
      mode: 'create',
      brokerCount: 2,
      instanceType: 'kafka.t3.small',
      kafkaVersion: '3.8.x',
      volumeSizeGiB: 20,
      brokerLogRetentionDays: 30,
      topic: '_schemas',
      groupId: 'schema-registry',
      replicationFactor: 2,
    },
    data: {
      removalPolicy: 'destroy',
      noncurrentVersionRetentionDays: 30,
      accessLogRetentionDays: 30,
    },
  },
  staging: {
    name: 'staging',
    monitoring: DEFAULT_MONITORING_CONFIG.staging,
    backup: DEFAULT_BACKUP_CONFIG.staging,
    migration: DEFAULT_MIGRATION_CONFIG.staging,
    region: 'eu-west-1',
    terminationProtection: true,
    // Right-sized: one NAT gateway (one Elastic IP) and no interface endpoints; an AZ outage may
    // cut staging's egress, which prod (one NAT per AZ) must survive.
    network: {
      vpcCidr: '10.41.0.0/16',
      availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
      natGateways: 1,
      vpcEndpoints: false,
      flowLogRetentionDays: 90,
    },
    // EXAMPLE endpoint: replace with your certificate and zone before deploying.
    endpoint: { ...exampleTlsEndpoint('staging'), allowedClientCidrs: [], allowedClientSecurityGroupIds: [], deletionProtection: true },
    service: {
      cpu: 1024,
      memoryMiB: 2048,
      minTasks: 2,
      maxTasks: 4,
      cpuTargetPercent: 60,
      requestsPerTarget: 1000,
      useSpot: true,
      enableExecuteCommand: false,
      containerInsights: 'standard',
      logRetentionDays: 90,
      healthCheckGracePeriodSeconds: 120,
    },
    registry: REGISTRY_DEFAULTS,
    kafka: {
      mode: 'create',
      brokerCount: 3,
      // Small brokers: the registry's data is one single-partition topic of a few MB.
      instanceType: 'kafka.t3.small',
      kafkaVersion: '3.8.x',
      volumeSizeGiB: 100,
      brokerLogRetentionDays: 90,
      topic: '_schemas',
      groupId: 'schema-registry',
      replicationFactor: 3,
    },
    data: {
      removalPolicy: 'retain',
      noncurrentVersionRetentionDays: 90,
      accessLogRetentionDays: 90,
    },
  },
  prod: {
    name: 'prod',
    monitoring: DEFAULT_MONITORING_CONFIG.prod,
    backup: DEFAULT_BACKUP_CONFIG.prod,
    migration: DEFAULT_MIGRATION_CONFIG.prod,
    region: 'eu-west-1',
    terminationProtection: true,
    network: {
      vpcCidr: '10.42.0.0/16',
      availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
      natGateways: 3,
      vpcEndpoints: true,
      flowLogRetentionDays: 365,
    },
    // EXAMPLE endpoint: replace with your certificate and zone before deploying.
    endpoint: { ...exampleTlsEndpoint('prod'), allowedClientCidrs: [], allowedClientSecurityGroupIds: [], deletionProtection: true },
    service: {
      cpu: 1024,
      memoryMiB: 4096,
      minTasks: 2,
      maxTasks: 6,
      cpuTargetPercent: 60,
      requestsPerTarget: 1000,
      useSpot: false,
      enableExecuteCommand: false,
      containerInsights: 'standard',
      logRetentionDays: 365,
      healthCheckGracePeriodSeconds: 120,
    },
    registry: REGISTRY_DEFAULTS,
    kafka: {
      mode: 'create',
      brokerCount: 3,
      instanceType: 'kafka.m7g.large',
      kafkaVersion: '3.8.x',
      volumeSizeGiB: 100,
      brokerLogRetentionDays: 365,
      topic: '_schemas',
      groupId: 'schema-registry',
      replicationFactor: 3,
    },
    data: {
      removalPolicy: 'retain',
      noncurrentVersionRetentionDays: 365,
      accessLogRetentionDays: 365,
    },
  },
};
