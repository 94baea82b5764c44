import { Stack } from 'aws-cdk-lib';
import { existingKafkaConnection } from '../../../../lib/constructs/kafka-access/existing-kafka';
import { testApp } from '../../../helpers/app';

const base = { mode: 'existing', topic: '_schemas', groupId: 'sr', replicationFactor: 3 } as const;

test('egress ports default to the distinct ports of the bootstrap servers', () => {
  const c = existingKafkaConnection(new Stack(testApp(), 'S'), {
    ...base,
    auth: 'tls',
    bootstrapServers: 'a.example:9094, b.example:9094,c.example:19094',
  });
  expect(c.brokerPorts).toEqual([9094, 19094]);
  expect(c.brokerCidrs).toEqual(['0.0.0.0/0']);
});

test('an explicit broker port wins', () => {
  const c = existingKafkaConnection(new Stack(testApp(), 'S'), {
    ...base,
    auth: 'plaintext',
    bootstrapServers: 'a.example:9092',
    brokerPort: 29092,
    brokerCidrs: ['10.9.0.0/16'],
  });
  expect(c.brokerPorts).toEqual([29092]);
  expect(c.brokerCidrs).toEqual(['10.9.0.0/16']);
});

test('complete and partial SCRAM secret ARNs are both accepted', () => {
  const complete = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:kafka/sr-AbCdEf';
  const partial = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:kafka/sr';
  const a = existingKafkaConnection(new Stack(testApp(), 'A'), {
    ...base,
    auth: 'scram',
    bootstrapServers: 'a:9096',
    scramSecretArn: complete,
  });
  const b = existingKafkaConnection(new Stack(testApp(), 'B'), {
    ...base,
    auth: 'scram',
    bootstrapServers: 'a:9096',
    scramSecretArn: partial,
  });
  expect(a.scramSecret!.secretArn).toBe(complete);
  expect(b.scramSecret!.secretArn).toBe(partial);
});
