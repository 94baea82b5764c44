import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Duration } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as logs from 'aws-cdk-lib/aws-logs';
import { RegistrySeeding, SeedExportSource, type RegistrySeedingProps } from '../../../../lib/constructs/seeding';
import { nagFindings, registryAccessOf, registryFixture, type RegistryFixture } from '../registry-access/fixture';

const SHA = 'c'.repeat(64);
const EXPORT_ARN = 'arn:aws:s3:::migration-exports/exports/2026-11-26.jsonl.gz';

function build(overrides: Partial<RegistrySeedingProps> = {}): { fx: RegistryFixture; seeding: RegistrySeeding; template: Template } {
  const fx = registryFixture();
  const seeding = new RegistrySeeding(fx.stack, 'Seeding', {
    source: SeedExportSource.fromBucket('migration-exports', 'exports/2026-11-26.jsonl.gz', SHA),
    ...registryAccessOf(fx, logs.RetentionDays.ONE_MONTH),
    service: fx.service,
    ...overrides,
  });
  return { fx, seeding, template: Template.fromStack(fx.stack) };
}

/** The policy statements attached to a seeding function's role. */
function statementsOf(template: Template, fx: RegistryFixture, seeding: RegistrySeeding, which: 'onEventFunction' | 'isCompleteFunction') {
  const roleLogicalId = fx.stack.getLogicalId(seeding[which].function.role!.node.defaultChild as never);
  const policies = template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: roleLogicalId }] } });
  return Object.values(policies).flatMap(
    (p) => (p as { Properties: { PolicyDocument: { Statement: unknown[] } } }).Properties.PolicyDocument.Statement,
  );
}

describe('with an export in S3 and the ECS service to wait for', () => {
  let built: ReturnType<typeof build>;
  beforeAll(() => {
    built = build();
  });

  test("the Provider finishes within CloudFormation's hour: totalTimeout 50 min, custom resource timeout 55 min", () => {
    const { template } = built;
    template.hasResourceProperties('Custom::SchemaRegistrySeed', { ServiceTimeout: '3300' });
    // The waiter retries every 30 s for 50 minutes: 100 attempts.
    const machines = template.findResources('AWS::StepFunctions::StateMachine');
    expect(Object.keys(machines)).toHaveLength(1);
    const definition = JSON.stringify(Object.values(machines)[0]);
    expect(definition).toContain('\\"IntervalSeconds\\":30');
    expect(definition).toContain('\\"MaxAttempts\\":100');
    // The handler's own deadline comes first, so its failure message names the phase.
    template.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'index.isComplete',
      Timeout: 840,
      Environment: { Variables: Match.objectLike({ SEED_TIMEOUT_SECONDS: '2820' }) },
    });
    template.hasResourceProperties('AWS::Lambda::Function', { Handler: 'index.onEvent', Timeout: 300 });
  });

  test('the resource carries the export, its trailer hash, the registry, the secret and the service as properties', () => {
    const { template, fx } = built;
    template.hasResourceProperties('Custom::SchemaRegistrySeed', {
      ExportBucket: 'migration-exports',
      ExportKey: 'exports/2026-11-26.jsonl.gz',
      ExportSha256: SHA,
      RegistryUrl: Match.anyValue(),
      AdminSecretArn: { Ref: fx.stack.getLogicalId(fx.adminSecret.node.defaultChild as never) },
      EcsCluster: { Ref: fx.stack.getLogicalId(fx.service.cluster.node.defaultChild as never) },
      EcsService: { 'Fn::GetAtt': [fx.stack.getLogicalId(fx.service.node.defaultChild as never), 'Name'] },
    });
  });

  test('onEvent may read only the export object and describe only its own stack', () => {
    const { template, fx, seeding } = built;
    expect(statementsOf(template, fx, seeding, 'onEventFunction')).toEqual([
      { Action: 's3:GetObject', Effect: 'Allow', Resource: EXPORT_ARN },
      { Action: 'cloudformation:DescribeStacks', Effect: 'Allow', Resource: { Ref: 'AWS::StackId' } },
    ]);
  });

  test('isComplete may read the export object, the admin secret and describe only that service', () => {
    const { template, fx, seeding } = built;
    const secretRef = { Ref: fx.stack.getLogicalId(fx.adminSecret.node.defaultChild as never) };
    const serviceRef = { Ref: fx.stack.getLogicalId(fx.service.node.defaultChild as never) };
    const statements = statementsOf(template, fx, seeding, 'isCompleteFunction');
    expect(statements).toHaveLength(3);
    expect(statements).toEqual(
      expect.arrayContaining([
        { Action: 's3:GetObject', Effect: 'Allow', Resource: EXPORT_ARN },
        { Action: ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'], Effect: 'Allow', Resource: secretRef },
        { Action: 'ecs:DescribeServices', Effect: 'Allow', Resource: serviceRef },
      ]),
    );
  });

  test('both functions run nodejs24.x on ARM64 in the VPC with an explicit log group', () => {
    const { template } = built;
    for (const handler of ['index.onEvent', 'index.isComplete']) {
      template.hasResourceProperties('AWS::Lambda::Function', {
        Handler: handler,
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        MemorySize: 1024,
        VpcConfig: Match.objectLike({ SecurityGroupIds: Match.anyValue(), SubnetIds: Match.anyValue() }),
        LoggingConfig: Match.objectLike({ LogGroup: Match.anyValue() }),
      });
    }
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
  });

  test('each function security group reaches only the registry listener and HTTPS', () => {
    const { template, fx, seeding } = built;
    const albSg = { 'Fn::GetAtt': [fx.stack.getLogicalId(fx.albSecurityGroup.node.defaultChild as never), 'GroupId'] };
    for (const fn of [seeding.onEventFunction, seeding.isCompleteFunction]) {
      const sgId = fx.stack.getLogicalId(fn.securityGroup.node.defaultChild as never);
      const sg = template.toJSON().Resources[sgId];
      expect(sg.Properties.SecurityGroupEgress).toEqual([
        { CidrIp: '0.0.0.0/0', Description: 'HTTPS to AWS APIs', FromPort: 443, IpProtocol: 'tcp', ToPort: 443 },
      ]);
      template.hasResourceProperties('AWS::EC2::SecurityGroupEgress', {
        GroupId: { 'Fn::GetAtt': [sgId, 'GroupId'] },
        DestinationSecurityGroupId: albSg,
        FromPort: 8081,
        ToPort: 8081,
        IpProtocol: 'tcp',
      });
      template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
        GroupId: albSg,
        SourceSecurityGroupId: { 'Fn::GetAtt': [sgId, 'GroupId'] },
        FromPort: 8081,
        ToPort: 8081,
      });
    }
  });

  test('the waiter state machine is traced with X-Ray (Control Tower CT.STEPFUNCTIONS.PR.2)', () => {
    const t = built.template;
    t.hasResourceProperties('AWS::StepFunctions::StateMachine', { TracingConfiguration: { Enabled: true } });
    t.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: Match.arrayWith(['xray:PutTraceSegments']) })]) },
    });
  });

  test('the waiter state machine logs every event without execution data (which holds the response URL)', () => {
    built.template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      LoggingConfiguration: Match.objectLike({ Level: 'ALL', IncludeExecutionData: false }),
    });
  });

  test('cdk-nag AwsSolutions finds nothing unacknowledged', () => {
    expect(nagFindings(built.seeding)).toEqual([]);
  });
});

test('with a state bucket, isComplete records what it imports in the ledger: that one object, and nothing else of the bucket', () => {
  const fx = registryFixture();
  const stateBucket = fx.bucket;
  const seeding = new RegistrySeeding(fx.stack, 'Seeding', {
    source: SeedExportSource.fromBucket('migration-exports', 'exports/2026-11-26.jsonl.gz', SHA),
    ...registryAccessOf(fx, logs.RetentionDays.ONE_MONTH),
    stateBucket,
  });
  const template = Template.fromStack(fx.stack);
  const bucketArn = { 'Fn::GetAtt': [fx.stack.getLogicalId(stateBucket.node.defaultChild as never), 'Arn'] };
  const ledgerArn = { 'Fn::Join': ['', [bucketArn, '/migrations/ledger.json']] };
  const ledgerStatements = statementsOf(template, fx, seeding, 'isCompleteFunction').filter((statement) =>
    JSON.stringify(statement).includes('migrations/ledger.json'),
  );
  expect(ledgerStatements).toEqual([
    { Action: ['s3:AbortMultipartUpload', 's3:GetObject', 's3:PutObject'], Effect: 'Allow', Resource: ledgerArn },
    {
      Action: 's3:ListBucket',
      Effect: 'Allow',
      Resource: bucketArn,
      Condition: { StringEquals: { 's3:prefix': 'migrations/ledger.json' } },
    },
  ]);
  expect(JSON.stringify(statementsOf(template, fx, seeding, 'onEventFunction'))).not.toContain('migrations');
  const bucketRef = { Ref: fx.stack.getLogicalId(stateBucket.node.defaultChild as never) };
  template.hasResourceProperties('AWS::Lambda::Function', {
    Environment: { Variables: Match.objectLike({ SR_MIGRATE_STATE: { 'Fn::Join': ['', ['s3://', bucketRef, '/migrations/']] } }) },
  });
});

test('a local export file is uploaded as an asset; ExportSha256 is its trailer sha256', () => {
  const dir = mkdtempSync(join(tmpdir(), 'seed-asset-'));
  const file = join(dir, 'export.jsonl.gz');
  const trailerSha = 'd'.repeat(64);
  const lines = [
    '{"type":"header","format":"schema-registry-export","formatVersion":1,"exportedAt":"2026-11-26T00:00:00Z","source":{"url":"http://x"}}',
    `{"type":"trailer","counts":{"context":0,"schema":0,"config":0,"mode":0,"maxId":0},"sha256":"${trailerSha}"}`,
  ];
  writeFileSync(file, gzipSync(`${lines.join('\n')}\n`));
  const { template, fx, seeding } = build({ source: SeedExportSource.fromLocalFile(file), service: undefined });

  const resource = Object.values(template.findResources('Custom::SchemaRegistrySeed'))[0] as { Properties: Record<string, unknown> };
  expect(resource.Properties.ExportSha256).toBe(trailerSha);
  expect(String(resource.Properties.ExportKey)).toMatch(/^[0-9a-f]{64}\.gz$/);
  expect(JSON.stringify(resource.Properties.ExportBucket)).toContain('cdk-hnb659fds-assets');
  expect(resource.Properties.EcsCluster).toBeUndefined();
  const statements = statementsOf(template, fx, seeding, 'isCompleteFunction');
  expect(statements.map((s) => (s as { Action: unknown }).Action)).not.toContain('ecs:DescribeServices');
  const s3Read = statements.find((s) => (s as { Action: unknown }).Action === 's3:GetObject') as { Resource: unknown };
  expect(JSON.stringify(s3Read.Resource)).toContain(`/${resource.Properties.ExportKey}`);
});

test("a timeout beyond CloudFormation's hour is refused at synth", () => {
  expect(() => build({ timeout: Duration.minutes(55) })).toThrow(/timeout must be 5 to 50 minutes \(CloudFormation waits at most 1 hour/);
});

test('every problem with the props is reported at once, naming the construct, the prop and the fix', () => {
  expect(() => build({ timeout: Duration.minutes(55), queryInterval: Duration.seconds(7), memorySize: 20_000 })).toThrow(
    [
      'RegistrySeeding at Fixture/Seeding: invalid props:',
      " - memorySize must be a whole number of MB from 128 to 10240 (Lambda's range), got 20000",
      ' - timeout must be 5 to 50 minutes (CloudFormation waits at most 1 hour for a custom resource), got 55 minutes',
      ' - queryInterval must be at least 1 second and divide timeout evenly (the waiter retries timeout / queryInterval times), ' +
        'got 7 seconds for 55 minutes; e.g. 30 seconds',
    ].join('\n'),
  );
});
