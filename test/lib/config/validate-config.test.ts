import { collectConfigProblems, ConfigValidationError, ENVIRONMENTS, type EnvironmentConfig, validateConfig } from '../../../lib/config';
import { configWith } from '../stacks/stage-fixture';

/** The single error message validateConfig throws for a config (fails the test if it does not throw). */
function errorFor(config: EnvironmentConfig): string {
  try {
    validateConfig(config);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigValidationError);
    return (e as Error).message;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('committed environments', () => {
  test.each(['dev', 'staging', 'prod'] as const)('%s is valid', (name) => {
    expect(collectConfigProblems(ENVIRONMENTS[name])).toEqual([]);
  });
});

describe('invalid configurations fail with a message naming the problem', () => {
  test('invalid Fargate CPU/memory pair lists the valid memory values', () => {
    const message = errorFor(configWith('prod', { service: { cpu: 256, memoryMiB: 4096 } }));
    expect(message).toContain("Invalid configuration for 'prod':");
    expect(message).toContain('service.cpu/memoryMiB: 256/4096 is not a valid Fargate pair; valid memory for 256 CPU: 512, 1024, 2048');
  });

  test('unknown Fargate CPU value', () => {
    expect(errorFor(configWith('dev', { service: { cpu: 300 } }))).toContain('service.cpu: 300 is not a Fargate CPU value');
  });

  test('min tasks greater than max tasks', () => {
    const message = errorFor(configWith('dev', { service: { minTasks: 3, maxTasks: 2 } }));
    expect(message).toContain('service.minTasks/maxTasks: min 3 is greater than max 2');
  });

  test('task counts outside 1..MAX_TASK_COUNT', () => {
    const message = errorFor(configWith('staging', { service: { minTasks: 0, maxTasks: 80 } }));
    expect(message).toContain('service.minTasks: 0 must be a whole number of tasks from 1 to 20');
    expect(message).toContain('service.maxTasks: 80 must be a whole number of tasks from 1 to 20');
  });

  test('prod with a single task', () => {
    const message = errorFor(configWith('prod', { service: { minTasks: 1 } }));
    expect(message).toContain('service.minTasks: prod needs at least 2 tasks (got 1)');
  });

  test('unknown Container Insights level', () => {
    const message = errorFor(configWith('dev', { service: { containerInsights: 'full' as never } }));
    expect(message).toContain("service.containerInsights: 'full' must be 'standard' or 'enhanced'");
  });

  test('prod with a single AZ', () => {
    const message = errorFor(
      configWith('prod', { network: { availabilityZones: ['eu-west-1a'], natGateways: 1 }, kafka: { brokerCount: 3 } }),
    );
    expect(message).toContain('network.availabilityZones: 1 given for prod; at least 2 AZs are needed');
  });

  test('prod on Fargate Spot', () => {
    expect(errorFor(configWith('prod', { service: { useSpot: true } }))).toContain('service.useSpot: prod must not run on FARGATE_SPOT');
  });

  test('AZ outside the region', () => {
    const message = errorFor(configWith('dev', { network: { availabilityZones: ['eu-west-1a', 'us-east-1b'] } }));
    expect(message).toContain('network.availabilityZones: us-east-1b not in region eu-west-1');
  });

  test('malformed client CIDR and security group id', () => {
    const message = errorFor(
      configWith('dev', { endpoint: { allowedClientCidrs: ['10.0.0.0/33'], allowedClientSecurityGroupIds: ['sg-xyz'] } }),
    );
    expect(message).toContain("endpoint.allowedClientCidrs: '10.0.0.0/33' is not an IPv4 CIDR");
    expect(message).toContain("endpoint.allowedClientSecurityGroupIds: 'sg-xyz' is not a security group id");
  });

  test('client CIDR open to the world', () => {
    expect(errorFor(configWith('dev', { endpoint: { allowedClientCidrs: ['0.0.0.0/0'] } }))).toContain(
      "endpoint.allowedClientCidrs: '0.0.0.0/0' opens the registry to every address",
    );
  });

  test('malformed certificate ARN', () => {
    const message = errorFor(configWith('staging', { endpoint: { certificateArn: 'arn:aws:acm:eu-west-1:123:cert/x' } }));
    expect(message).toContain("endpoint.certificateArn: 'arn:aws:acm:eu-west-1:123:cert/x' is not an ACM certificate ARN");
  });

  test('certificate in another region', () => {
    const arn = 'arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012';
    expect(errorFor(configWith('staging', { endpoint: { certificateArn: arn } }))).toContain(
      'endpoint.certificateArn: certificate is in us-east-1 but the load balancer is in eu-west-1',
    );
  });

  test('existing Kafka without bootstrap servers', () => {
    const config: EnvironmentConfig = {
      ...ENVIRONMENTS.dev,
      kafka: {
        mode: 'existing',
        bootstrapServers: '',
        auth: 'plaintext',
        topic: '_schemas',
        groupId: 'schema-registry',
        replicationFactor: 3,
      },
    };
    expect(errorFor(config)).toContain("kafka.bootstrapServers: required when kafka.mode is 'existing'");
  });

  test('SCRAM without a secret ARN, IAM without a cluster ARN, malformed secret ARN', () => {
    const base = {
      mode: 'existing',
      bootstrapServers: 'b-1.example:9096',
      topic: '_schemas',
      groupId: 'sr',
      replicationFactor: 3,
    } as const;
    expect(errorFor({ ...ENVIRONMENTS.dev, kafka: { ...base, auth: 'scram' } })).toContain(
      "kafka.scramSecretArn: required when kafka.auth is 'scram'",
    );
    expect(errorFor({ ...ENVIRONMENTS.dev, kafka: { ...base, auth: 'iam' } })).toContain(
      "kafka.clusterArn: required when kafka.auth is 'iam'",
    );
    expect(errorFor({ ...ENVIRONMENTS.dev, kafka: { ...base, auth: 'scram', scramSecretArn: 'my-secret' } })).toContain(
      "kafka.scramSecretArn: 'my-secret' is not a Secrets Manager secret ARN",
    );
  });

  test('MSK broker count not a multiple of the AZ count', () => {
    expect(errorFor(configWith('staging', { kafka: { brokerCount: 4 } }))).toContain(
      'kafka.brokerCount: 4 is not a multiple of the AZ count (3)',
    );
  });

  test('replication factor above the broker count', () => {
    expect(errorFor(configWith('dev', { kafka: { replicationFactor: 3 } }))).toContain(
      'kafka.replicationFactor: 3 exceeds kafka.brokerCount 2',
    );
  });

  test('malformed image settings', () => {
    const message = errorFor(configWith('dev', { registry: { confluentVersion: 'latest', mskIamAuthSha256: 'abc' } }));
    expect(message).toContain("registry.confluentVersion: 'latest' must be a pinned release like 7.9.1");
    expect(message).toContain('registry.mskIamAuthSha256: must be 64 lowercase hex characters');
  });

  test('heap share out of range', () => {
    expect(errorFor(configWith('dev', { registry: { heapShare: 0.95 } }))).toContain('registry.heapShare: 0.95 is out of range');
  });

  test('extra properties that override managed settings or look like secrets', () => {
    const message = errorFor(
      configWith('dev', {
        registry: {
          extraProperties: {
            'kafkastore.bootstrap.servers': 'x:9092',
            'host.name': 'localhost',
            listeners: 'http://0.0.0.0:9999',
            'kafkastore.sasl.jaas.config': 'x',
            'ssl.keystore.password': 'hunter2',
            'Bad Key': 'x',
            'schema.compatibility.level': 'full',
          },
        },
      }),
    );
    expect(message).toContain("registry.extraProperties['kafkastore.bootstrap.servers']: is managed by the app");
    expect(message).toContain("registry.extraProperties['host.name']: is managed by the app");
    expect(message).toContain("registry.extraProperties['listeners']: is managed by the app");
    expect(message).toContain("registry.extraProperties['kafkastore.sasl.jaas.config']: is managed by the app");
    expect(message).toContain("registry.extraProperties['ssl.keystore.password']: looks like a secret");
    expect(message).toContain("registry.extraProperties['Bad Key']: cannot be passed through");
    expect(message).not.toContain('schema.compatibility.level');
    expect(message).not.toContain('hunter2');
  });

  test('prod that would delete its data', () => {
    const message = errorFor(
      configWith('prod', { data: { removalPolicy: 'destroy' }, terminationProtection: false, endpoint: { deletionProtection: false } }),
    );
    expect(message).toContain("data.removalPolicy: prod must be 'retain'");
    expect(message).toContain('terminationProtection: prod must protect every stack from deletion (set it to true)');
    expect(message).toContain('endpoint.deletionProtection: prod must protect its load balancer from deletion (set it to true)');
  });
});

test('a config with several problems lists every one of them in one error', () => {
  const config = configWith('prod', {
    service: { cpu: 256, memoryMiB: 4096, minTasks: 1, useSpot: true },
    network: { vpcCidr: '10.0.0/16' },
    endpoint: { certificateArn: 'not-an-arn' },
    registry: { heapShare: 0.1, extraProperties: { 'host.name': 'x' } },
    kafka: { brokerCount: 4 },
  });
  const message = errorFor(config);
  const lines = message.split('\n').filter((l) => l.startsWith(' - '));
  expect(lines).toEqual([
    " - network.vpcCidr: '10.0.0/16' is not an IPv4 CIDR like 10.40.0.0/16",
    " - endpoint.certificateArn: 'not-an-arn' is not an ACM certificate ARN (arn:aws:acm:<region>:<account>:certificate/<uuid>)",
    ' - service.cpu/memoryMiB: 256/4096 is not a valid Fargate pair; valid memory for 256 CPU: 512, 1024, 2048',
    ' - service.minTasks: prod needs at least 2 tasks (got 1) so one task or AZ can fail',
    ' - service.useSpot: prod must not run on FARGATE_SPOT (tasks can be reclaimed with 2 minutes notice)',
    ' - registry.heapShare: 0.1 is out of range; use 0.25 to 0.85 of task memory (the JVM needs the rest for metaspace and threads)',
    " - registry.extraProperties['host.name']: is managed by the app; the entrypoint sets each task's own IP (leader forwarding); nothing to set",
    ' - kafka.brokerCount: 4 is not a multiple of the AZ count (3); MSK spreads brokers evenly over the AZs',
  ]);
  expect(message.endsWith('Fix the values in lib/config/environments.ts or the matching -c overrides.')).toBe(true);
});
