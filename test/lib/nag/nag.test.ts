import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks } from 'cdk-nag';
import { acknowledge, wildcardResourceFindingId } from '../../../lib/nag/acknowledge';
import { configWith, defaultStage, synthStage } from '../stacks/stage-fixture';
import { testApp } from '../../helpers/app';

/** Rule ids and construct paths of every unacknowledged AwsSolutions finding in a stage. */
function findings(scope: Parameters<AwsSolutionsChecks['validateScope']>[0]): string[] {
  const report = new AwsSolutionsChecks().validateScope(scope);
  return report.violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} at ${r.constructPath}`));
}

describe.each(['dev', 'staging', 'prod'] as const)('cdk-nag AwsSolutions (%s)', (name) => {
  test('no unacknowledged findings', () => {
    expect(findings(defaultStage(name).stage)).toEqual([]);
  });
});

test('no findings with HTTPS, DNS, ECS Exec on and an existing IAM cluster', () => {
  // ECS Exec is refused in prod (read-only root filesystem); staging may enable it.
  const config = configWith('staging', {
    endpoint: {
      certificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/12345678-1234-1234-1234-123456789012',
      dns: { hostedZoneId: 'Z0123456789ABCDEFGHIJ', zoneName: 'internal.example.com', recordName: 'schema-registry' },
    },
    service: { enableExecuteCommand: true },
  });
  const existing = {
    ...config,
    kafka: {
      mode: 'existing' as const,
      auth: 'iam' as const,
      bootstrapServers: 'b-1.shared.kafka.eu-west-1.amazonaws.com:9098',
      clusterArn: 'arn:aws:kafka:eu-west-1:123456789012:cluster/shared/0b1e2f3a-1111-2222-3333-444455556666-3',
      topic: '_schemas',
      groupId: 'schema-registry',
      replicationFactor: 3,
    },
  };
  expect(findings(synthStage(existing).stage)).toEqual([]);
});

test('no findings with SCRAM and a private CA, their secrets encrypted with customer managed keys', () => {
  const key = (id: string) => `arn:aws:kms:eu-west-1:123456789012:key/${id}abcd-12ab-34cd-56ef-1234567890ab`;
  const kafka = {
    mode: 'existing' as const,
    topic: '_schemas',
    groupId: 'schema-registry',
    replicationFactor: 3,
    auth: 'scram' as const,
    bootstrapServers: 'b-1.kafka.internal:9096',
    scramSecretArn: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:AmazonMSK_registry-AbCdEf',
    scramSecretKmsKeyArn: key('1111'),
    tls: {
      secretArn: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:kafka/tls-AbCdEf',
      truststore: true,
      secretKmsKeyArn: key('2222'),
    },
  };
  expect(findings(synthStage({ ...configWith('prod'), kafka }).stage)).toEqual([]);
});

test('the checks do fire: a wildcard policy without acknowledgement is reported', () => {
  const app = testApp();
  const stack = new Stack(app, 'Probe');
  const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') });
  role.addToPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::bucket/*'] }));
  expect(findings(stack)).toEqual([expect.stringContaining('AwsSolutions-IAM5[Resource::arn:aws:s3:::bucket/*]')]);

  acknowledge(role, {
    id: wildcardResourceFindingId(role, 'arn:aws:s3:::bucket/*'),
    reason: 'Probe: reads every object of a bucket that holds nothing else, by design of this test.',
  });
  expect(findings(stack)).toEqual([]);
});

describe('acknowledge()', () => {
  const stack = new Stack(testApp(), 'Ack');

  test('rejects ids that are not a single AwsSolutions rule', () => {
    expect(() => acknowledge(stack, { id: 'IAM5', reason: 'x'.repeat(50) })).toThrow('is not an AwsSolutions rule id');
    expect(() => acknowledge(stack, { id: 'AwsSolutions-*', reason: 'x'.repeat(50) })).toThrow('is not an AwsSolutions rule id');
  });

  test('rejects reasons too short to explain anything', () => {
    expect(() => acknowledge(stack, { id: 'AwsSolutions-S1', reason: 'not needed' })).toThrow('needs a real reason');
  });
});
