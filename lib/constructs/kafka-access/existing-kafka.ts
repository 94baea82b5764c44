import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import type { ExistingKafkaConfig } from '../../config';
import type { KafkaConnection } from './kafka-connection';

/**
 * Connection to a Kafka cluster the app did not create. Egress ports come from `brokerPort`
 * or, by default, from the ports in the bootstrap server list.
 */
export function existingKafkaConnection(scope: Construct, kafka: ExistingKafkaConfig): KafkaConnection {
  const ports = kafka.brokerPort !== undefined ? [kafka.brokerPort] : portsOf(kafka.bootstrapServers);
  return {
    bootstrapServers: kafka.bootstrapServers,
    authMode: kafka.auth,
    brokerPorts: ports,
    clusterArn: kafka.clusterArn,
    brokerCidrs: kafka.brokerCidrs ?? ['0.0.0.0/0'],
    scramSecret: kafka.scramSecretArn === undefined ? undefined : importSecret(scope, 'KafkaScramSecret', kafka.scramSecretArn),
    scramSecretKeyArn: kafka.scramSecretKmsKeyArn,
    tls:
      kafka.tls === undefined
        ? undefined
        : {
            secret: importSecret(scope, 'KafkaTlsSecret', kafka.tls.secretArn),
            truststore: kafka.tls.truststore ?? false,
            clientCertificate: kafka.tls.clientCertificate ?? false,
            secretKeyArn: kafka.tls.secretKmsKeyArn,
          },
  };
}

function portsOf(bootstrapServers: string): number[] {
  const ports = bootstrapServers
    .split(',')
    .map((s) => Number(s.trim().split(':').pop()))
    .filter((p) => Number.isInteger(p));
  return [...new Set(ports)];
}

/** A complete ARN ends in the 6-character suffix Secrets Manager appends; a partial one does not. */
function importSecret(scope: Construct, id: string, arn: string): secretsmanager.ISecret {
  return /-[A-Za-z0-9]{6}$/.test(arn)
    ? secretsmanager.Secret.fromSecretCompleteArn(scope, id, arn)
    : secretsmanager.Secret.fromSecretPartialArn(scope, id, arn);
}
