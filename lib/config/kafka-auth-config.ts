import { isKmsKeyArn, isMskClusterArn, isSecretArn, regionOfArn } from './validation/formats';

/** How the registry may authenticate to Kafka. Mirrors `kafkaAuthModes` in docker/schema-registry/env-contract.json. */
export const KAFKA_AUTH_MODES = ['iam', 'scram', 'tls', 'plaintext'] as const;
/** How the registry authenticates to Kafka (one of KAFKA_AUTH_MODES). */
export type KafkaAuthMode = (typeof KAFKA_AUTH_MODES)[number];

/**
 * TLS material for an existing cluster, from one Secrets Manager secret (JSON). Field names:
 * `truststore` / `truststorePassword` and `keystore` / `keystorePassword`, each store a
 * base64-encoded PKCS#12 or JKS file (`base64 -w0 client.p12`); the key inside the keystore is
 * protected by the keystore password (what keytool and `openssl pkcs12` produce).
 */
export interface KafkaTlsConfig {
  /** ARN of the secret holding the stores. Required, no default. */
  readonly secretArn: string;

  /**
   * The secret has `truststore` and `truststorePassword`: trust these CA certificates (e.g. a
   * private CA) instead of the JVM's default ones. With `tls` or `scram`.
   * @default false
   */
  readonly truststore?: boolean;

  /**
   * The secret has `keystore` and `keystorePassword`: present this client certificate (MSK mutual
   * TLS on port 9094). Only with `tls`.
   * @default false
   */
  readonly clientCertificate?: boolean;

  /**
   * Customer managed KMS key that encrypts the secret; the task execution role may decrypt with it
   * through Secrets Manager only. Unset: the secret uses the AWS managed key `aws/secretsmanager`.
   * @default undefined
   */
  readonly secretKmsKeyArn?: string;
}

/** The authentication part of an existing-cluster config (ExistingKafkaConfig extends it). */
export interface KafkaAuthSettings {
  /** Authentication mechanism the brokers expect. Required, no default. */
  readonly auth: KafkaAuthMode;

  /**
   * Secrets Manager secret (JSON `{"username","password"}`) for `scram`. Required for `scram`.
   * @default undefined
   */
  readonly scramSecretArn?: string;

  /**
   * Customer managed KMS key that encrypts the SCRAM secret. Required for `scram`: MSK only accepts
   * SCRAM secrets encrypted with a customer managed key. The task execution role gets
   * `kms:Decrypt` on it, only through Secrets Manager (`kms:ViaService`).
   * @default undefined
   */
  readonly scramSecretKmsKeyArn?: string;

  /**
   * TLS trust store and client certificate from Secrets Manager (`tls`, or a trust store with `scram`).
   * @default undefined (the JVM's default CA certificates, no client certificate)
   */
  readonly tls?: KafkaTlsConfig;

  /**
   * MSK cluster ARN (`arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid>`). Required for
   * `iam`: the task role's permissions are scoped to this cluster, its topic and groups.
   * @default undefined
   */
  readonly clusterArn?: string;
}

const KEY_ARN_FORMAT = 'arn:aws:kms:<region>:<account>:key/<key id>';

/** Problems in the authentication settings of an existing cluster. */
export function validateKafkaAuth(kafka: KafkaAuthSettings): string[] {
  const problems: string[] = [];
  if (!KAFKA_AUTH_MODES.includes(kafka.auth)) {
    problems.push(`kafka.auth: '${String(kafka.auth)}' must be one of ${KAFKA_AUTH_MODES.join(', ')}`);
  }
  problems.push(...validateScram(kafka), ...validateTls(kafka));
  if (kafka.auth === 'iam' && kafka.clusterArn === undefined) {
    problems.push("kafka.clusterArn: required when kafka.auth is 'iam' (the task role's permissions are scoped to the cluster)");
  }
  if (kafka.clusterArn !== undefined && !isMskClusterArn(kafka.clusterArn)) {
    problems.push(
      `kafka.clusterArn: '${kafka.clusterArn}' is not an MSK cluster ARN (arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid>)`,
    );
  }
  return problems;
}

function validateScram(kafka: KafkaAuthSettings): string[] {
  const problems: string[] = [];
  const scram = kafka.auth === 'scram';
  if (scram && kafka.scramSecretArn === undefined) {
    problems.push('kafka.scramSecretArn: required when kafka.auth is \'scram\' (secret JSON {"username","password"})');
  }
  if (kafka.scramSecretArn !== undefined) {
    if (!isSecretArn(kafka.scramSecretArn)) {
      problems.push(
        `kafka.scramSecretArn: '${kafka.scramSecretArn}' is not a Secrets Manager secret ARN (arn:aws:secretsmanager:<region>:<account>:secret:<name>)`,
      );
    }
    if (!scram) problems.push(`kafka.scramSecretArn: set but kafka.auth is '${kafka.auth}'; remove it or use auth 'scram'`);
  }
  if (scram && kafka.scramSecretKmsKeyArn === undefined) {
    problems.push(
      "kafka.scramSecretKmsKeyArn: required when kafka.auth is 'scram': MSK only accepts SCRAM secrets encrypted with a customer " +
        `managed KMS key; give that key's ARN (${KEY_ARN_FORMAT}) so the task execution role may decrypt the secret`,
    );
  }
  if (kafka.scramSecretKmsKeyArn !== undefined) {
    problems.push(...validateKeyArn('kafka.scramSecretKmsKeyArn', kafka.scramSecretKmsKeyArn, kafka.scramSecretArn));
    if (!scram) problems.push(`kafka.scramSecretKmsKeyArn: set but kafka.auth is '${kafka.auth}'; remove it or use auth 'scram'`);
  }
  return problems;
}

function validateTls(kafka: KafkaAuthSettings): string[] {
  const tls = kafka.tls;
  if (tls === undefined) return [];
  const problems: string[] = [];
  if (kafka.auth !== 'tls' && kafka.auth !== 'scram') {
    problems.push(`kafka.tls: set but kafka.auth is '${kafka.auth}'; key stores are used with auth 'tls' (or a trust store with 'scram')`);
  }
  if (!isSecretArn(tls.secretArn ?? '')) {
    problems.push(
      `kafka.tls.secretArn: '${String(tls.secretArn)}' is not a Secrets Manager secret ARN (arn:aws:secretsmanager:<region>:<account>:secret:<name>)`,
    );
  }
  if (!tls.truststore && !tls.clientCertificate) {
    problems.push(
      'kafka.tls: neither truststore nor clientCertificate is true; set the one(s) the secret holds, or remove kafka.tls to trust the JVM default CAs without a client certificate',
    );
  }
  if (tls.clientCertificate && kafka.auth === 'scram') {
    problems.push(
      "kafka.tls.clientCertificate: only with kafka.auth 'tls' (MSK mutual TLS on port 9094); SCRAM clients authenticate with the password",
    );
  }
  if (tls.secretKmsKeyArn !== undefined) problems.push(...validateKeyArn('kafka.tls.secretKmsKeyArn', tls.secretKmsKeyArn, tls.secretArn));
  return problems;
}

/** A key ARN (aliases cannot be IAM resources for kms:Decrypt) in the secret's Region. */
function validateKeyArn(field: string, keyArn: string, secretArn: string | undefined): string[] {
  if (/^arn:aws[\w-]*:kms:[^:]+:\d{12}:alias\//.test(keyArn)) {
    return [`${field}: '${keyArn}' is an alias ARN; use the key ARN (${KEY_ARN_FORMAT}): IAM grants kms:Decrypt on keys, not aliases`];
  }
  if (!isKmsKeyArn(keyArn)) return [`${field}: '${keyArn}' is not a KMS key ARN (${KEY_ARN_FORMAT})`];
  const keyRegion = regionOfArn(keyArn);
  const secretRegion = secretArn !== undefined && isSecretArn(secretArn) ? regionOfArn(secretArn) : keyRegion;
  return keyRegion === secretRegion
    ? []
    : [`${field}: the key is in ${keyRegion} but the secret in ${secretRegion}; Secrets Manager only uses keys in the secret's Region`];
}
