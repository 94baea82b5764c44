import type { EnvironmentConfig } from '../environment-config';
import { isHostPort, isIpv4Cidr, isMskClusterArn, isPositiveInteger, isSecretArn } from './formats';

const AUTH_MODES = ['iam', 'scram', 'tls', 'plaintext'];

/** Problems in `kafka` (create: broker layout; existing: connection and auth settings). */
export function validateKafka(config: EnvironmentConfig): string[] {
  const { kafka } = config;
  const problems: string[] = [];
  if (!/^[a-zA-Z0-9._-]{1,249}$/.test(kafka.topic ?? '')) {
    problems.push(`kafka.topic: '${kafka.topic}' is not a valid Kafka topic name`);
  }
  if (!/^[a-zA-Z0-9._-]{1,200}$/.test(kafka.groupId ?? '')) {
    problems.push(`kafka.groupId: '${kafka.groupId}' must be letters, digits, '.', '_' or '-'`);
  }
  if (!isPositiveInteger(kafka.replicationFactor)) {
    problems.push(`kafka.replicationFactor: ${kafka.replicationFactor} must be a positive whole number`);
  }
  if (kafka.mode === 'create') {
    problems.push(...validateCreate(config));
  } else if (kafka.mode === 'existing') {
    problems.push(...validateExisting(config));
  } else {
    problems.push(`kafka.mode: '${String((kafka as { mode: unknown }).mode)}' must be 'create' or 'existing'`);
  }
  return problems;
}

function validateCreate(config: EnvironmentConfig): string[] {
  const kafka = config.kafka;
  if (kafka.mode !== 'create') return [];
  const problems: string[] = [];
  const azCount = config.network.availabilityZones.length;
  if (!isPositiveInteger(kafka.brokerCount) || kafka.brokerCount % azCount !== 0) {
    problems.push(
      `kafka.brokerCount: ${kafka.brokerCount} is not a multiple of the AZ count (${azCount}); MSK spreads brokers evenly over the AZs`,
    );
  }
  if (azCount > 3) {
    problems.push(`network.availabilityZones: MSK accepts 2 or 3 client subnets; ${azCount} AZs given with kafka.mode 'create'`);
  }
  if (isPositiveInteger(kafka.replicationFactor) && kafka.replicationFactor > kafka.brokerCount) {
    problems.push(
      `kafka.replicationFactor: ${kafka.replicationFactor} exceeds kafka.brokerCount ${kafka.brokerCount}; the registry could not create its topic`,
    );
  }
  if (!/^kafka\.[a-z0-9]+\.[a-z0-9]+$/.test(kafka.instanceType)) {
    problems.push(`kafka.instanceType: '${kafka.instanceType}' is not an MSK broker type like kafka.m7g.large`);
  }
  if (!/^\d+\.\d+(\.\d+|\.x)(\.kraft)?$/.test(kafka.kafkaVersion)) {
    problems.push(`kafka.kafkaVersion: '${kafka.kafkaVersion}' is not an MSK version like 3.8.x`);
  }
  if (!isPositiveInteger(kafka.volumeSizeGiB) || kafka.volumeSizeGiB > 16384) {
    problems.push(`kafka.volumeSizeGiB: ${kafka.volumeSizeGiB} must be 1 to 16384`);
  }
  if (!isPositiveInteger(kafka.brokerLogRetentionDays)) {
    problems.push(`kafka.brokerLogRetentionDays: ${kafka.brokerLogRetentionDays} must be a positive whole number of days`);
  }
  return problems;
}

function validateExisting(config: EnvironmentConfig): string[] {
  const kafka = config.kafka;
  if (kafka.mode !== 'existing') return [];
  const problems: string[] = [];
  const servers = (kafka.bootstrapServers ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (servers.length === 0) {
    problems.push("kafka.bootstrapServers: required when kafka.mode is 'existing' (comma-separated host:port list)");
  }
  for (const server of servers) {
    if (!isHostPort(server)) problems.push(`kafka.bootstrapServers: '${server}' is not host:port`);
  }
  if (!AUTH_MODES.includes(kafka.auth)) {
    problems.push(`kafka.auth: '${String(kafka.auth)}' must be one of ${AUTH_MODES.join(', ')}`);
  }
  if (kafka.auth === 'scram' && kafka.scramSecretArn === undefined) {
    problems.push('kafka.scramSecretArn: required when kafka.auth is \'scram\' (secret JSON {"username","password"})');
  }
  if (kafka.scramSecretArn !== undefined && !isSecretArn(kafka.scramSecretArn)) {
    problems.push(
      `kafka.scramSecretArn: '${kafka.scramSecretArn}' is not a Secrets Manager secret ARN (arn:aws:secretsmanager:<region>:<account>:secret:<name>)`,
    );
  }
  if (kafka.scramSecretArn !== undefined && kafka.auth !== 'scram') {
    problems.push(`kafka.scramSecretArn: set but kafka.auth is '${kafka.auth}'; remove it or use auth 'scram'`);
  }
  if (kafka.auth === 'iam' && kafka.clusterArn === undefined) {
    problems.push("kafka.clusterArn: required when kafka.auth is 'iam' (the task role's permissions are scoped to the cluster)");
  }
  if (kafka.clusterArn !== undefined && !isMskClusterArn(kafka.clusterArn)) {
    problems.push(
      `kafka.clusterArn: '${kafka.clusterArn}' is not an MSK cluster ARN (arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid>)`,
    );
  }
  if (kafka.brokerPort !== undefined && !(Number.isInteger(kafka.brokerPort) && kafka.brokerPort >= 1 && kafka.brokerPort <= 65535)) {
    problems.push(`kafka.brokerPort: ${kafka.brokerPort} is not a TCP port`);
  }
  for (const cidr of kafka.brokerCidrs ?? []) {
    if (!isIpv4Cidr(cidr)) problems.push(`kafka.brokerCidrs: '${cidr}' is not an IPv4 CIDR`);
  }
  return problems;
}
