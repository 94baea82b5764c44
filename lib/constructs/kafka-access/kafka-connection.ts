import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { KafkaAuthMode } from '../../config';

/**
 * Everything the registry service needs to reach its Kafka store, whether the app created
 * the MSK cluster or the cluster already existed.
 */
export interface KafkaConnection {
  /** `kafkastore.bootstrap.servers` (may be a deploy-time token for a created cluster). */
  readonly bootstrapServers: string;
  /** How the registry authenticates to the brokers. */
  readonly authMode: KafkaAuthMode;
  /** Broker ports the tasks need egress to. */
  readonly brokerPorts: number[];
  /**
   * MSK cluster ARN; when set with `iam` auth, the task role is scoped to this cluster.
   * @default undefined
   */
  readonly clusterArn?: string;
  /**
   * MSK cluster name, known at synth time (the ARN of a created cluster is a deploy-time token).
   * @default derived from a literal `clusterArn`
   */
  readonly clusterName?: string;
  /**
   * The brokers' security group (created clusters): the task SG gets egress to it and it gets
   * ingress from the task SG on the broker ports.
   * @default undefined (egress goes to `brokerCidrs`)
   */
  readonly brokerSecurityGroup?: ec2.ISecurityGroup;
  /**
   * Where the brokers live when there is no broker security group.
   * @default ['0.0.0.0/0']
   */
  readonly brokerCidrs?: string[];
  /**
   * Secret JSON `{"username","password"}` for `scram` auth.
   * @default undefined
   */
  readonly scramSecret?: secretsmanager.ISecret;
  /**
   * ARN of the customer managed KMS key that encrypts `scramSecret` (MSK requires one).
   * @default undefined
   */
  readonly scramSecretKeyArn?: string;
  /**
   * TLS trust store and client certificate from Secrets Manager.
   * @default undefined (the JVM's default CA certificates, no client certificate)
   */
  readonly tls?: KafkaTlsMaterial;
}

/** Where the registry's Kafka TLS stores come from (fields of one Secrets Manager secret). */
export interface KafkaTlsMaterial {
  /** Secret JSON with `truststore`/`truststorePassword` and/or `keystore`/`keystorePassword`. */
  readonly secret: secretsmanager.ISecret;
  /** The secret holds a trust store. */
  readonly truststore: boolean;
  /** The secret holds a client key store (mutual TLS). */
  readonly clientCertificate: boolean;
  /**
   * ARN of the customer managed KMS key that encrypts the secret.
   * @default undefined (aws/secretsmanager)
   */
  readonly secretKeyArn?: string;
}

/** Default broker port per auth mode on MSK (self-managed clusters set `brokerPort`). */
export const DEFAULT_BROKER_PORTS: Record<KafkaAuthMode, number> = {
  iam: 9098,
  scram: 9096,
  tls: 9094,
  plaintext: 9092,
};
