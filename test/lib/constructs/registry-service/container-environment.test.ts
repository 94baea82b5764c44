import contract from '../../../../docker/schema-registry/env-contract.json';
import { ENVIRONMENTS } from '../../../../lib/config';
import { containerEnvironment, heapOptions } from '../../../../lib/constructs/registry-service/container-environment';

const kafka = { bootstrapServers: 'b-1:9098,b-2:9098', authMode: 'iam' as const, brokerPorts: [9098] };

test('heap is the configured share of task memory, min = max', () => {
  expect(heapOptions(2048, 0.5)).toBe('-Xms1024m -Xmx1024m');
  expect(heapOptions(1024, 0.6)).toBe('-Xms614m -Xmx614m');
});

test('uses only names from the env contract plus converted extra properties', () => {
  const registry = { ...ENVIRONMENTS.dev.registry, extraProperties: { 'schema.compatibility.level': 'full' } };
  const env = containerEnvironment({ registry, kafka, store: ENVIRONMENTS.dev.kafka, memoryMiB: 1024 });
  const contractNames = Object.values(contract.environment);
  expect(Object.keys(env).sort()).toEqual([...contractNames, 'SCHEMA_REGISTRY_SCHEMA_COMPATIBILITY_LEVEL'].sort());
  expect(env[contract.environment.listeners]).toBe(`http://0.0.0.0:${contract.port}`);
  expect(env).not.toHaveProperty('SCHEMA_REGISTRY_HOST_NAME');
});

test('the auth mode is one the entrypoint knows', () => {
  for (const mode of contract.kafkaAuthModes) {
    const env = containerEnvironment({
      registry: ENVIRONMENTS.dev.registry,
      kafka: { ...kafka, authMode: mode as typeof kafka.authMode },
      store: ENVIRONMENTS.dev.kafka,
      memoryMiB: 1024,
    });
    expect(env[contract.environment.kafkaAuthMode]).toBe(mode);
  }
});
