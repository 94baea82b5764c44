/**
 * Where the registry keeps its data: the compacted single-partition `_schemas` topic.
 * Either the app creates an MSK cluster (`create`) or it uses one you already run (`existing`).
 */
export type KafkaConfig = CreateKafkaConfig | ExistingKafkaConfig;

/** How the registry authenticates to Kafka. Mirrors `kafkaAuthModes` in docker/schema-registry/env-contract.json. */
export type KafkaAuthMode = 'iam' | 'scram' | 'tls' | 'plaintext';

/** Settings that decide which registry a Kafka cluster's topic belongs to. */
export interface KafkaStoreConfig {
  /**
   * `kafkastore.topic`. Two registries sharing one Kafka cluster need different topics.
   * @default '_schemas'
   */
  readonly topic: string;

  /**
   * `schema.registry.group.id` (leader election group). Unique per registry on a cluster.
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
export interface ExistingKafkaConfig extends KafkaStoreConfig {
  /** Discriminator: the cluster already exists. No default (select it explicitly). */
  readonly mode: 'existing';

  /** `kafkastore.bootstrap.servers`: comma-separated `host:port` list. Required, no default. */
  readonly bootstrapServers: string;

  /** Authentication mechanism the brokers expect. Required, no default. */
  readonly auth: KafkaAuthMode;

  /**
   * Secrets Manager secret (JSON `{"username","password"}`) for `scram`. Required for `scram`.
   * @default undefined
   */
  readonly scramSecretArn?: string;

  /**
   * MSK cluster ARN (`arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid>`). Required for
   * `iam`: the task role's permissions are scoped to this cluster, its topic and groups.
   * @default undefined
   */
  readonly clusterArn?: string;

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
