import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { KafkaConnection } from '../kafka-access/kafka-connection';
import { SECRET_ENV } from './env-contract';

/** JSON fields of the Kafka TLS secret (`kafka.tls.secretArn`); each store is base64. */
export const TLS_SECRET_FIELDS = {
  truststore: 'truststore',
  truststorePassword: 'truststorePassword',
  keystore: 'keystore',
  keystorePassword: 'keystorePassword',
} as const;

/**
 * Task-definition secrets carrying the Kafka credentials: the SCRAM login and the TLS stores.
 * ECS injects them into the entrypoint's environment only; it moves them into 0600 files.
 */
export function kafkaSecrets(kafka: KafkaConnection): Record<string, ecs.Secret> {
  const secrets: Record<string, ecs.Secret> = {};
  if (kafka.authMode === 'scram' && kafka.scramSecret) {
    secrets[SECRET_ENV.scramUsername] = ecs.Secret.fromSecretsManager(kafka.scramSecret, 'username');
    secrets[SECRET_ENV.scramPassword] = ecs.Secret.fromSecretsManager(kafka.scramSecret, 'password');
  }
  const tls = kafka.tls;
  if (tls?.truststore) {
    secrets[SECRET_ENV.tlsTruststore] = ecs.Secret.fromSecretsManager(tls.secret, TLS_SECRET_FIELDS.truststore);
    secrets[SECRET_ENV.tlsTruststorePassword] = ecs.Secret.fromSecretsManager(tls.secret, TLS_SECRET_FIELDS.truststorePassword);
  }
  if (tls?.clientCertificate) {
    secrets[SECRET_ENV.tlsKeystore] = ecs.Secret.fromSecretsManager(tls.secret, TLS_SECRET_FIELDS.keystore);
    secrets[SECRET_ENV.tlsKeystorePassword] = ecs.Secret.fromSecretsManager(tls.secret, TLS_SECRET_FIELDS.keystorePassword);
  }
  return secrets;
}

/**
 * The execution role reads those secrets; ECS grants GetSecretValue, but a secret encrypted with a
 * customer managed key also needs kms:Decrypt on that key. Granted only for calls Secrets Manager
 * makes on the role's behalf (kms:ViaService), so the role cannot decrypt anything else with it.
 */
export function grantKafkaSecretKeys(role: iam.IRole, kafka: KafkaConnection): void {
  const keys = [
    kafka.authMode === 'scram' ? kafka.scramSecretKeyArn : undefined,
    kafka.tls && (kafka.tls.truststore || kafka.tls.clientCertificate) ? kafka.tls.secretKeyArn : undefined,
  ].filter((arn): arn is string => arn !== undefined);
  const unique = [...new Set(keys)];
  if (unique.length === 0) return;
  const viaServices = [...new Set(unique.map((arn) => `secretsmanager.${arn.split(':')[3]}.amazonaws.com`))];
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      sid: 'DecryptKafkaSecrets',
      actions: ['kms:Decrypt'],
      resources: unique,
      conditions: { StringEquals: { 'kms:ViaService': viaServices.length === 1 ? viaServices[0] : viaServices } },
    }),
  );
}
