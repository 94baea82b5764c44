import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One canned reply of the fake ECS metadata endpoint. */
export interface MetadataReply {
  readonly status: number;
  readonly body: string;
}

/** A fake ECS task metadata endpoint v4 on 127.0.0.1 that records the paths it was asked for. */
export interface FakeMetadataServer {
  /** Value for ECS_CONTAINER_METADATA_URI_V4. */
  readonly uri: string;
  /** Request paths in arrival order. */
  readonly requests: string[];
  close(): Promise<void>;
}

/**
 * Starts the fake endpoint. Request n gets replies[n]; once the list is used up the last reply
 * repeats, so `[fail, fail, ok]` means "two failures, then success".
 */
export async function startMetadataServer(replies: MetadataReply[]): Promise<FakeMetadataServer> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    const reply = replies[Math.min(requests.length - 1, replies.length - 1)];
    res.writeHead(reply.status, { 'content-type': 'application/json' });
    res.end(reply.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    // ECS hands out a per-container path under the link-local address; keep one to prove the
    // script queries the URI it was given, not a guessed one.
    uri: `http://127.0.0.1:${port}/v4/8f8b6a2c-container`,
    requests,
    close: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}

/** A URI on 127.0.0.1 where nothing listens (connection refused at once). */
export async function unreachableUri(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/v4/gone`;
}

/**
 * Container metadata as Fargate returns it from ${ECS_CONTAINER_METADATA_URI_V4} (shape of the
 * example in the AWS "task metadata v4 examples for tasks on Fargate" page), pretty-printed.
 */
export function containerMetadata(ip: string): string {
  return JSON.stringify(
    {
      DockerId: 'cd189a933e5849daa93386466019ab50-2495160603',
      Name: 'schema-registry',
      DockerName: 'schema-registry',
      Image: '111122223333.dkr.ecr.eu-west-1.amazonaws.com/cdk-hnb659fds-container-assets:abc',
      ImageID: 'sha256:25f3695bedfb454a50f12d127839a68ad3caf91e451c1da073db34c542c4d2cb',
      Labels: {
        'com.amazonaws.ecs.cluster': 'arn:aws:ecs:eu-west-1:111122223333:cluster/registry',
        'com.amazonaws.ecs.container-name': 'schema-registry',
        'com.amazonaws.ecs.task-arn': 'arn:aws:ecs:eu-west-1:111122223333:task/registry/cd189a933e5849daa93386466019ab50',
      },
      DesiredStatus: 'RUNNING',
      KnownStatus: 'RUNNING',
      Limits: { CPU: 1024, Memory: 4096 },
      Type: 'NORMAL',
      Networks: [
        {
          NetworkMode: 'awsvpc',
          IPv4Addresses: [ip],
          AttachmentIndex: 0,
          MACAddress: '0a:de:f6:10:51:e5',
          IPv4SubnetCIDRBlock: '10.0.128.0/20',
          DomainNameServers: ['10.0.0.2'],
          DomainNameSearchList: ['eu-west-1.compute.internal'],
          PrivateDNSName: 'ip-10-0-130-17.eu-west-1.compute.internal',
          SubnetGatewayIpv4Address: '10.0.128.1/20',
        },
      ],
      ContainerARN: 'arn:aws:ecs:eu-west-1:111122223333:container/registry/cd189a933e5849daa93386466019ab50/0d1b',
      LogDriver: 'awslogs',
    },
    null,
    4,
  );
}

/** Task-level metadata (${ECS_CONTAINER_METADATA_URI_V4}/task shape), compact, two containers. */
export function taskMetadata(ip: string): string {
  const container = (name: string) => ({
    Name: name,
    DesiredStatus: 'RUNNING',
    Networks: [{ NetworkMode: 'awsvpc', IPv4Addresses: [ip], IPv4SubnetCIDRBlock: '10.0.128.0/20' }],
  });
  return JSON.stringify({
    Cluster: 'arn:aws:ecs:eu-west-1:111122223333:cluster/registry',
    TaskARN: 'arn:aws:ecs:eu-west-1:111122223333:task/registry/cd189a933e5849daa93386466019ab50',
    AvailabilityZone: 'eu-west-1a',
    Containers: [container('schema-registry'), container('log-router')],
  });
}
