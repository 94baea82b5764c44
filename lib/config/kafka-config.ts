import { type KafkaAuthSettings, validateKafkaAuth } from './kafka-auth-config';
import { isHostPort, isIpv4Cidr, isPositiveInteger } from './validation/formats';

export { KAFKA_AUTH_MODES, type KafkaAuthMode, type KafkaAuthSettings, type KafkaTlsConfig } from './kafka-auth-config';

/**
 * Where the registry keeps its data: the compacted single-partition `_schemas` topic.
 * Either the app creates an MSK cluster (`create`) or it uses one you already run (`existing`).
 */
export type KafkaConfig = CreateKafkaConfig | ExistingKafkaConfig;

/** Settings that decide which registry a Kafka cluster's topic belongs to. */
export interface KafkaStoreConfig {
  /**
   * `kafkastore.topic`. Two registries sharing one Kafka cluster need different topics.
   * @default '_schemas'
   */
  readonly topic: string;

  /**
   * `schema.registry.group.id` (leader election group). Unique per registry on a cluster. Each
   * node also reads the topic with its own consumer group `<groupId>-<task IP>-<port>`
   * (`kafkastore.group.id`, set by the image's entrypoint), which the task role may use.
   * @default 'schema-registry'
   */
  readonly groupId: string;

  /**
   * `kafkastore.topic.replication.factor`; at most the broker count.
   * @default 2 (dev), 3 (staging, prod)
   */
  readonly replicationFactor: number;
}

/** Create an MSK provisioned cluster with IAM client authentication in the Data stack. */
export interface CreateKafkaConfig extends KafkaStoreConfig {
  /**
   * Discriminator: the app creates the cluster.
   * @default 'create' (all committed environments)
   */
  readonly mode: 'create';

  /**
   * Broker count; a multiple of the number of availability zones (MSK places brokers evenly).
   * @default 2 (dev), 3 (staging, prod)
   */
  readonly brokerCount: number;

  /**
   * Broker instance type.
   * @default 'kafka.t3.small' (dev), 'kafka.m7g.large' (staging, prod)
   */
  readonly instanceType: string;

  /**
   * Apache Kafka version MSK runs.
   * @default '3.8.x'
   */
  readonly kafkaVersion: string;

  /**
   * EBS volume per broker in GiB (the registry's data is tiny; this is headroom).
   * @default 20 (dev), 100 (staging, prod)
   */
  readonly volumeSizeGiB: number;

  /**
   * Days to keep broker logs in CloudWatch Logs.
   * @default 30 (dev), 90 (staging), 365 (prod)
   */
  readonly brokerLogRetentionDays: number;
}

/** Use a Kafka cluster that already exists (MSK or self-managed). */
export interface ExistingKafkaConfig extends KafkaStoreConfig, KafkaAuthSettings {
  /** Discriminator: the cluster already exists. No default (select it explicitly). */
  readonly mode: 'existing';

  /** `kafkastore.bootstrap.servers`: comma-separated `host:port` list. Required, no default. */
  readonly bootstrapServers: string;

  /**
   * Broker port the task may connect to (egress rule).
   * @default every distinct port in `bootstrapServers`
   */
  readonly brokerPort?: number;

  /**
   * IPv4 CIDRs the brokers live in (egress rule destinations).
   * @default ['0.0.0.0/0'] on the broker port only (the brokers may sit in a peered network)
   */
  readonly brokerCidrs?: string[];
}

/**
 * Problems in `kafka` (create: broker layout; existing: connection and auth settings).
 * `availabilityZones` is `network.availabilityZones`: MSK spreads brokers evenly over them.
 */
export function validateKafkaConfig(kafka: KafkaConfig, availabilityZones: readonly string[]): string[] {
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
    problems.push(...validateCreate(kafka, availabilityZones.length));
  } else if (kafka.mode === 'existing') {
    problems.push(...validateExisting(kafka));
  } else {
    problems.push(`kafka.mode: '${String((kafka as { mode: unknown }).mode)}' must be 'create' or 'existing'`);
  }
  return problems;
}

function validateCreate(kafka: CreateKafkaConfig, azCount: number): string[] {
  const problems: string[] = [];
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

function validateExisting(kafka: ExistingKafkaConfig): string[] {
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
  problems.push(...validateKafkaAuth(kafka));
  if (kafka.brokerPort !== undefined && !(Number.isInteger(kafka.brokerPort) && kafka.brokerPort >= 1 && kafka.brokerPort <= 65535)) {
    problems.push(`kafka.brokerPort: ${kafka.brokerPort} is not a TCP port`);
  }
  for (const cidr of kafka.brokerCidrs ?? []) {
    if (!isIpv4Cidr(cidr)) problems.push(`kafka.brokerCidrs: '${cidr}' is not an IPv4 CIDR`);
  }
  return problems;
}
