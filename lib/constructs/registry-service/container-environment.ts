import type { RegistryConfig } from '../../config';
import { propertyToEnvName } from '../../config/schema-registry-properties';
import type { KafkaConnection } from '../kafka-access/kafka-connection';
import type { KafkaStoreConfig } from '../../config';
import { ENV, REGISTRY_PORT } from './env-contract';

export interface ContainerEnvironmentProps {
  readonly registry: RegistryConfig;
  readonly kafka: KafkaConnection;
  readonly store: KafkaStoreConfig;
  /** Task memory in MiB (the heap is a share of it). */
  readonly memoryMiB: number;
}

/**
 * Non-secret environment of the registry container. `SCHEMA_REGISTRY_HOST_NAME` is deliberately
 * absent: the entrypoint sets it to the task's own IP from the ECS metadata endpoint, which is
 * what followers use to forward writes to the leader.
 */
export function containerEnvironment(props: ContainerEnvironmentProps): Record<string, string> {
  const { registry, kafka, store } = props;
  const extras = Object.fromEntries(Object.entries(registry.extraProperties).map(([key, value]) => [propertyToEnvName(key), value]));
  return {
    ...extras,
    [ENV.kafkaAuthMode]: kafka.authMode,
    [ENV.basicAuthEnabled]: String(registry.basicAuth.enabled),
    [ENV.basicAuthRoles]: registry.basicAuth.roles.join(','),
    [ENV.bootstrapServers]: kafka.bootstrapServers,
    [ENV.topic]: store.topic,
    [ENV.groupId]: store.groupId,
    [ENV.replicationFactor]: String(store.replicationFactor),
    [ENV.listeners]: `http://0.0.0.0:${REGISTRY_PORT}`,
    [ENV.heapOpts]: heapOptions(props.memoryMiB, registry.heapShare),
  };
}

/** `-Xms<n>m -Xmx<n>m` with n = heapShare of task memory (equal min and max avoids resize pauses). */
export function heapOptions(memoryMiB: number, heapShare: number): string {
  const heap = Math.floor(memoryMiB * heapShare);
  return `-Xms${heap}m -Xmx${heap}m`;
}
