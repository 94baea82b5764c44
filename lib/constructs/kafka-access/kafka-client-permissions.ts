import { ArnFormat, Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { KafkaStoreConfig } from '../../config';
import { acknowledge, wildcardResourceFindingId } from '../../nag/acknowledge';
import type { KafkaConnection } from './kafka-connection';
import { MskArns } from './msk-arns';

export interface KafkaClientPermissionsProps {
  readonly connection: KafkaConnection;
  readonly store: KafkaStoreConfig;
  /**
   * VPC CIDR the tasks get their IPs from. Each node's reader consumer group
   * (`kafkastore.group.id`) is `<kafka.groupId>-<host.name>-<port>`, set by the image's entrypoint,
   * and host.name is the task IP, so the group ARN pattern is narrowed to the VPC's fixed octets.
   */
  readonly vpcCidr: string;
}

/**
 * Grants a task role the MSK IAM permissions the registry needs and nothing more:
 * connect to one cluster, use one topic, and use its own leader-election group and reader groups.
 * Does nothing unless the connection uses IAM auth.
 */
export function grantKafkaClient(role: iam.IRole, props: KafkaClientPermissionsProps): void {
  const { connection, store } = props;
  if (connection.authMode !== 'iam' || connection.clusterArn === undefined) return;
  const arns = new MskArns(connection.clusterArn);
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      sid: 'ConnectToCluster',
      // WriteDataIdempotently: Kafka 3.x producers are idempotent by default.
      actions: ['kafka-cluster:Connect', 'kafka-cluster:DescribeCluster', 'kafka-cluster:WriteDataIdempotently'],
      resources: [connection.clusterArn],
    }),
  );
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      sid: 'UseSchemasTopic',
      actions: [
        'kafka-cluster:DescribeTopic',
        'kafka-cluster:CreateTopic',
        'kafka-cluster:ReadData',
        'kafka-cluster:WriteData',
        'kafka-cluster:DescribeTopicDynamicConfiguration',
      ],
      resources: [arns.topic(store.topic)],
    }),
  );
  const readerGroups = readerGroupsArn(role, connection, readerGroupPattern(props.vpcCidr, store.groupId));
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      sid: 'UseRegistryGroups',
      actions: ['kafka-cluster:DescribeGroup', 'kafka-cluster:AlterGroup'],
      resources: [arns.group(store.groupId), readerGroups],
    }),
  );
  acknowledge(role, {
    id: wildcardResourceFindingId(role, readerGroups),
    reason:
      'Each registry node reads _schemas with its own consumer group <kafka.groupId>-<task IP>-<port> ' +
      '(kafkastore.group.id, set by the entrypoint); task IPs are only known at run time, so the group is a prefix ' +
      'pattern limited to this cluster, this registry and the VPC address range.',
  });
}

/**
 * IAM pattern for the reader groups `<groupId>-<task IP>-<port>`: fixed to the octets the VPC CIDR
 * pins down (e.g. `schema-registry-10.40.*` for group `schema-registry` in 10.40.0.0/16).
 */
export function readerGroupPattern(vpcCidr: string, groupId: string): string {
  const [address, prefix] = vpcCidr.split('/');
  const fixedOctets = address.split('.').slice(0, Math.floor(Number(prefix) / 8));
  return `${groupId}-${fixedOctets.map((o) => `${o}.`).join('')}*`;
}

/**
 * ARN of the reader groups. For a literal cluster ARN it is exact; for a cluster created in
 * this app (ARN known only at deploy time) it names the cluster and wildcards the cluster UUID,
 * which keeps the ARN free of cross-stack tokens so the cdk-nag finding id is stable.
 */
function readerGroupsArn(role: iam.IRole, connection: KafkaConnection, pattern: string): string {
  const clusterArn = connection.clusterArn!;
  if (!Token.isUnresolved(clusterArn)) {
    const [head, name, uuid] = clusterArn.split('/');
    return `${head.replace(/:cluster$/, ':group')}/${name}/${uuid}/${pattern}`;
  }
  if (connection.clusterName === undefined) {
    throw new Error('A created MSK cluster must provide its name to scope the reader-group permission');
  }
  return Stack.of(role).formatArn({
    service: 'kafka',
    resource: 'group',
    resourceName: `${connection.clusterName}/*/${pattern}`,
    arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
  });
}
