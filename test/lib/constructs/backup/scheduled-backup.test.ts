import { Match, Template } from 'aws-cdk-lib/assertions';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { staleAfterHours } from '../../../../lib/constructs/backup/backup-metrics';
import { ScheduledBackup, type ScheduledBackupProps } from '../../../../lib/constructs/backup';
import { nagFindings, registryAccessOf, registryFixture, type RegistryFixture } from '../registry-access/fixture';

function build(overrides: Partial<ScheduledBackupProps> = {}): { fx: RegistryFixture; backup: ScheduledBackup; template: Template } {
  const fx = registryFixture();
  const backup = new ScheduledBackup(fx.stack, 'Backup', {
    envName: 'prod',
    config: { enabled: true, intervalMinutes: 360, retentionDays: 90 },
    bucket: fx.bucket,
    ...registryAccessOf(fx, logs.RetentionDays.ONE_YEAR),
    ...overrides,
  });
  backup.metricBackupSucceeded().createAlarm(fx.stack, 'Stale', backup.stalenessAlarmOptions());
  return { fx, backup, template: Template.fromStack(fx.stack) };
}

describe('scheduled backup', () => {
  let built: ReturnType<typeof build>;
  beforeAll(() => {
    built = build();
  });

  test('an EventBridge rule runs the function at the configured rate, with retries', () => {
    const { template, fx, backup } = built;
    const fnId = fx.stack.getLogicalId(backup.backupFunction.function.node.defaultChild as never);
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(6 hours)',
      State: 'ENABLED',
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [fnId, 'Arn'] },
          RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 7200 },
        }),
      ],
    });
  });

  test('the function gets only non-secret settings', () => {
    const { template, fx } = built;
    template.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'index.handler',
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      Timeout: 900,
      Environment: {
        Variables: {
          NODE_OPTIONS: '--enable-source-maps',
          REGISTRY_URL: Match.anyValue(),
          ADMIN_SECRET_ARN: { Ref: fx.stack.getLogicalId(fx.adminSecret.node.defaultChild as never) },
          BACKUP_BUCKET: { Ref: fx.stack.getLogicalId(fx.bucket.node.defaultChild as never) },
          BACKUP_PREFIX: 'backups/prod/',
          ENV_NAME: 'prod',
        },
      },
    });
  });

  test('IAM: writes only under backups/<env>/, metrics only in its namespace, reads only the admin secret', () => {
    const { template, fx, backup } = built;
    const bucketId = fx.stack.getLogicalId(fx.bucket.node.defaultChild as never);
    const roleId = fx.stack.getLogicalId(backup.backupFunction.function.role!.node.defaultChild as never);
    const policies = template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: roleId }] } });
    const statements = Object.values(policies).flatMap(
      (p) => (p as { Properties: { PolicyDocument: { Statement: unknown[] } } }).Properties.PolicyDocument.Statement,
    );
    expect(statements).toHaveLength(4);
    expect(statements).toEqual(
      expect.arrayContaining([
        {
          Action: ['s3:AbortMultipartUpload', 's3:PutObject'],
          Effect: 'Allow',
          Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, '/backups/prod/*']] },
        },
        {
          Action: ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'],
          Effect: 'Allow',
          Resource: { Ref: fx.stack.getLogicalId(fx.adminSecret.node.defaultChild as never) },
        },
        {
          Action: 's3:ListBucket',
          Condition: { StringLike: { 's3:prefix': ['backups/prod/', 'backups/prod/*'] } },
          Effect: 'Allow',
          Resource: { 'Fn::GetAtt': [bucketId, 'Arn'] },
        },
        {
          Action: 'cloudwatch:PutMetricData',
          Condition: { StringEquals: { 'cloudwatch:namespace': 'SchemaRegistry/Backups' } },
          Effect: 'Allow',
          Resource: '*',
        },
      ]),
    );
  });

  test('the bucket expires backups/<env>/ after the retention', () => {
    built.template.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: Match.arrayWith([{ Id: 'expire-backups-prod', Prefix: 'backups/prod/', ExpirationInDays: 90, Status: 'Enabled' }]),
      },
    });
  });

  test('the function security group reaches only the registry listener and HTTPS', () => {
    const { template, fx, backup } = built;
    const sgId = fx.stack.getLogicalId(backup.backupFunction.securityGroup.node.defaultChild as never);
    expect(template.toJSON().Resources[sgId].Properties.SecurityGroupEgress).toEqual([
      { CidrIp: '0.0.0.0/0', Description: 'HTTPS to AWS APIs', FromPort: 443, IpProtocol: 'tcp', ToPort: 443 },
    ]);
    template.hasResourceProperties('AWS::EC2::SecurityGroupEgress', {
      GroupId: { 'Fn::GetAtt': [sgId, 'GroupId'] },
      FromPort: 8081,
      ToPort: 8081,
      DestinationSecurityGroupId: { 'Fn::GetAtt': [fx.stack.getLogicalId(fx.albSecurityGroup.node.defaultChild as never), 'GroupId'] },
    });
  });

  test('the staleness alarm fires after 9 hours without a success, also when nothing runs at all', () => {
    built.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'SchemaRegistry/Backups',
      MetricName: 'BackupSucceeded',
      Dimensions: [{ Name: 'Environment', Value: 'prod' }],
      Statistic: 'Sum',
      Period: 3600,
      EvaluationPeriods: 9,
      DatapointsToAlarm: 9,
      Threshold: 1,
      ComparisonOperator: 'LessThanThreshold',
      TreatMissingData: 'breaching',
    });
    expect(built.backup.staleAfterHours).toBe(9);
  });

  test('describes the newest-backup-age metric for the monitoring stack', () => {
    expect(built.backup.backupAgeMetric()).toEqual({
      namespace: 'SchemaRegistry/Backups',
      metricName: 'BackupAgeSeconds',
      dimensions: { Environment: 'prod' },
      scheduleMinutes: 360,
      unit: 'seconds',
    });
  });

  test('cdk-nag AwsSolutions finds nothing unacknowledged', () => {
    expect(nagFindings(built.backup)).toEqual([]);
  });
});

test('staleness window: one and a half intervals in whole hours, at least 2', () => {
  expect(staleAfterHours(15)).toBe(2);
  expect(staleAfterHours(360)).toBe(9);
  expect(staleAfterHours(1440)).toBe(36);
  expect(staleAfterHours(3 * 1440)).toBe(108);
});

test('a bucket from another app cannot get the lifecycle rule unless its owner adds it', () => {
  const fx = registryFixture();
  const imported = s3.Bucket.fromBucketName(fx.stack, 'Imported', 'someone-elses-bucket');
  const props: ScheduledBackupProps = {
    envName: 'dev',
    config: { enabled: true, intervalMinutes: 1440, retentionDays: 7 },
    bucket: imported,
    ...registryAccessOf(fx, logs.RetentionDays.ONE_WEEK),
  };
  expect(() => new ScheduledBackup(fx.stack, 'Backup', props)).toThrow(
    /add backupLifecycleRule\(envName, retentionDays\) to the bucket owner/,
  );
  const backup = new ScheduledBackup(fx.stack, 'Backup2', { ...props, addLifecycleRule: false });
  // Synthesize first: the write-prefix acknowledgement is computed once references are final.
  Template.fromStack(fx.stack);
  expect(nagFindings(backup)).toEqual([]);
});

test('every problem with the props is reported at once, naming the construct, the prop and the fix', () => {
  const fx = registryFixture();
  const props: ScheduledBackupProps = {
    envName: 'prod/*',
    config: { enabled: true, intervalMinutes: 5, retentionDays: 0 },
    bucket: s3.Bucket.fromBucketName(fx.stack, 'Imported', 'someone-elses-bucket'),
    registryUrl: 'registry.internal:8081',
    registryListener: fx.listener,
    adminSecret: fx.adminSecret,
    vpc: fx.vpc,
    logRetention: logs.RetentionDays.ONE_WEEK,
    memorySize: 64,
  };
  expect(() => new ScheduledBackup(fx.stack, 'Backup', props)).toThrow(
    [
      'ScheduledBackup at Fixture/Backup: invalid props:',
      " - registryUrl must be an http:// or https:// URL of the registry, got 'registry.internal:8081'",
      " - memorySize must be a whole number of MB from 128 to 10240 (Lambda's range), got 64",
      " - envName must be letters, digits and '-' (it becomes the key prefix backups/<env>/), got 'prod/*'",
      ' - config.intervalMinutes must be a whole number from 15 to 4320 (3 days), got 5',
      ' - config.retentionDays must be a whole number of days, got 0',
      ' - bucket is not an s3.Bucket defined in this app, so the backup lifecycle rule cannot be added; ' +
        'add backupLifecycleRule(envName, retentionDays) to the bucket owner and pass addLifecycleRule: false',
    ].join('\n'),
  );
});
