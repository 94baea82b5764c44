import type { SchemaRegistryApi } from '../registry-client/api';

/**
 * Who a registry is, whatever URL reaches it (a load balancer name, a DNS alias, a tunnel):
 * its Kafka cluster and `schema.registry.group.id` from `GET /v1/metadata/id`, or its display
 * URL on servers without that endpoint. Ledger entries and export headers name registries this way.
 */
export interface RegistryIdentity {
  /** "kafka:<cluster id>/group:<group id>", or "url:<display URL>". */
  readonly id: string;
  /** The display URL it was reached by (no credentials), for messages. */
  readonly url: string;
}

export async function identifyRegistry(api: SchemaRegistryApi): Promise<RegistryIdentity> {
  const cluster = await api.clusterIdentity();
  const id = cluster ? `kafka:${cluster.kafkaCluster}/group:${cluster.schemaRegistryCluster}` : `url:${api.displayUrl}`;
  return { id, url: api.displayUrl };
}
