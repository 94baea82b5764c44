import { DEFAULT_BACKUP_CONFIG } from './backup-config';
import type { EnvironmentConfig } from './environment-config';
import type { EnvironmentName } from './environment-name';
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
 * `-c dev.service.desiredTasks=2` (see lib/config/overrides.ts and the README).
 */
export const ENVIRONMENTS: Record<EnvironmentName, EnvironmentConfig> = {
  dev: {
    name: 'dev',
    monitoring: DEFAULT_MONITORING_CONFIG.dev,
    backup: DEFAULT_BACKUP_CONFIG.dev,
    region: 'eu-west-1',
    network: {
      vpcCidr: '10.40.0.0/16',
      availabilityZones: ['eu-west-1a', 'eu-west-1b'],
      natGateways: 1,
      vpcEndpoints: false,
      flowLogRetentionDays: 30,
    },
    endpoint: { allowedClientCidrs: [], allowedClientSecurityGroupIds: [] },
    service: {
      cpu: 512,
      memoryMiB: 1024,
      desiredTasks: 1,
      minTasks: 1,
      maxTasks: 2,
      cpuTargetPercent: 60,
      requestsPerTarget: 1000,
      useSpot: true,
      enableExecuteCommand: true,
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
      terminationProtection: false,
      noncurrentVersionRetentionDays: 30,
      accessLogRetentionDays: 30,
    },
  },
  staging: {
    name: 'staging',
    monitoring: DEFAULT_MONITORING_CONFIG.staging,
    backup: DEFAULT_BACKUP_CONFIG.staging,
    region: 'eu-west-1',
    network: {
      vpcCidr: '10.41.0.0/16',
      availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
      natGateways: 3,
      vpcEndpoints: true,
      flowLogRetentionDays: 90,
    },
    endpoint: { allowedClientCidrs: [], allowedClientSecurityGroupIds: [] },
    service: {
      cpu: 1024,
      memoryMiB: 2048,
      desiredTasks: 2,
      minTasks: 2,
      maxTasks: 4,
      cpuTargetPercent: 60,
      requestsPerTarget: 1000,
      useSpot: true,
      enableExecuteCommand: false,
      logRetentionDays: 90,
      healthCheckGracePeriodSeconds: 120,
    },
    registry: REGISTRY_DEFAULTS,
    kafka: {
      mode: 'create',
      brokerCount: 3,
      instanceType: 'kafka.m7g.large',
      kafkaVersion: '3.8.x',
      volumeSizeGiB: 100,
      brokerLogRetentionDays: 90,
      topic: '_schemas',
      groupId: 'schema-registry',
      replicationFactor: 3,
    },
    data: {
      removalPolicy: 'retain',
      terminationProtection: true,
      noncurrentVersionRetentionDays: 90,
      accessLogRetentionDays: 90,
    },
  },
  prod: {
    name: 'prod',
    monitoring: DEFAULT_MONITORING_CONFIG.prod,
    backup: DEFAULT_BACKUP_CONFIG.prod,
    region: 'eu-west-1',
    network: {
      vpcCidr: '10.42.0.0/16',
      availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
      natGateways: 3,
      vpcEndpoints: true,
      flowLogRetentionDays: 365,
    },
    endpoint: { allowedClientCidrs: [], allowedClientSecurityGroupIds: [] },
    service: {
      cpu: 1024,
      memoryMiB: 4096,
      desiredTasks: 3,
      minTasks: 2,
      maxTasks: 6,
      cpuTargetPercent: 60,
      requestsPerTarget: 1000,
      useSpot: false,
      enableExecuteCommand: false,
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
      terminationProtection: true,
      noncurrentVersionRetentionDays: 365,
      accessLogRetentionDays: 365,
    },
  },
};
