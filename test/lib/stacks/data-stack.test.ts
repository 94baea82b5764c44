import { Match } from 'aws-cdk-lib/assertions';
import { defaultStage } from './stage-fixture';

/**
 * Logical ids of the stateful resources. Changing one makes CloudFormation replace the
 * resource: a new, empty bucket, a new admin password, a new Kafka cluster without `_schemas`.
 * If this test fails, do not update it; rename the construct back (or plan a migration).
 */
const PINNED_LOGICAL_IDS = {
  'AWS::S3::Bucket': ['AccessLogsBucketCD784A59', 'ExportsBucket54D5CE64'],
  'AWS::SecretsManager::Secret': ['AdminCredentialsSecret3E436AC6'],
  'AWS::MSK::Cluster': ['KafkaCluster21A1BE89'],
  'AWS::KMS::Key': ['EnvironmentKeyC299B772'],
};

describe.each(['dev', 'staging', 'prod'] as const)('Data stack (%s)', (name) => {
  const { data: t } = defaultStage(name);

  test('stateful resources keep their logical ids', () => {
    for (const [type, ids] of Object.entries(PINNED_LOGICAL_IDS)) {
      expect(Object.keys(t.findResources(type)).sort()).toEqual(ids);
    }
  });

  test('export bucket: versioned, SSE-KMS with the environment key and a bucket key, Object Lock, events, no public access, access-logged, lifecycle', () => {
    t.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          {
            BucketKeyEnabled: true,
            ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { 'Fn::GetAtt': ['EnvironmentKeyC299B772', 'Arn'] } },
          },
        ],
      },
      ObjectLockEnabled: true,
      ObjectLockConfiguration: Match.absent(),
      NotificationConfiguration: { EventBridgeConfiguration: { EventBridgeEnabled: true } },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LoggingConfiguration: { DestinationBucketName: { Ref: 'AccessLogsBucketCD784A59' }, LogFilePrefix: 'exports-bucket/' },
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({ NoncurrentVersionExpiration: { NoncurrentDays: Match.anyValue() }, Status: 'Enabled' }),
          Match.objectLike({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 } }),
        ]),
      },
    });
  });

  test('access-log bucket: SSE-S3 (ALB logging needs it), versioned, expiring logs, events, no Object Lock', () => {
    t.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      VersioningConfiguration: { Status: 'Enabled' },
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({ ExpirationInDays: Match.anyValue(), NoncurrentVersionExpiration: { NoncurrentDays: 1 } }),
          Match.objectLike({ ExpiredObjectDeleteMarker: true }),
        ]),
      },
      NotificationConfiguration: { EventBridgeConfiguration: { EventBridgeEnabled: true } },
      LoggingConfiguration: Match.absent(),
      ObjectLockEnabled: Match.absent(),
    });
  });

  test('one customer-managed key: rotation on, CloudWatch Logs limited to this environment, grants only for AWS services', () => {
    const stageName = { dev: 'Dev', staging: 'Staging', prod: 'Prod' }[name];
    t.resourceCountIs('AWS::KMS::Key', 1);
    t.hasResourceProperties('AWS::KMS::Alias', { AliasName: `alias/schema-registry-${name}` });
    const key = Object.values(t.findResources('AWS::KMS::Key'))[0];
    expect(key.Properties.EnableKeyRotation).toBe(true);
    const statements = key.Properties.KeyPolicy.Statement;
    expect(statements).toContainEqual({
      Sid: 'AllowCloudWatchLogsForThisEnvironment',
      Effect: 'Allow',
      Principal: { Service: 'logs.eu-west-1.amazonaws.com' },
      Action: ['kms:Decrypt*', 'kms:Describe*', 'kms:Encrypt*', 'kms:GenerateDataKey*', 'kms:ReEncrypt*'],
      Resource: '*',
      Condition: {
        ArnLike: {
          'kms:EncryptionContext:aws:logs:arn': [`${stageName}-*`, `/aws/lambda/${stageName}-*`].map((logGroup) => ({
            'Fn::Join': ['', ['arn:aws:logs:eu-west-1:', { Ref: 'AWS::AccountId' }, `:log-group:${logGroup}`]],
          })),
        },
      },
    });
    expect(statements).toContainEqual({
      Sid: 'DenyGrantsExceptForAwsServices',
      Effect: 'Deny',
      Principal: { AWS: '*' },
      Action: 'kms:CreateGrant',
      Resource: '*',
      Condition: { BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' } },
    });
    // Besides: the account root (consumers get access through their own IAM policies) and the
    // account's use through Secrets Manager, which CDK adds for an encrypted secret.
    expect(statements).toContainEqual(
      expect.objectContaining({ Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.eu-west-1.amazonaws.com' } } }),
    );
    expect(statements).toHaveLength(4);
    expect(key.DeletionPolicy).toBe(name === 'dev' ? 'Delete' : 'Retain');
  });

  test('admin secret and every log group here are encrypted with the environment key', () => {
    const keyArn = { 'Fn::GetAtt': ['EnvironmentKeyC299B772', 'Arn'] };
    t.hasResourceProperties('AWS::SecretsManager::Secret', { KmsKeyId: keyArn });
    const logGroups = Object.values(t.findResources('AWS::Logs::LogGroup'));
    expect(logGroups.length).toBe(3); // flow logs, broker logs, bootstrap-broker lookup
    for (const group of logGroups) {
      expect(group.Properties.KmsKeyId).toEqual(keyArn);
      // Generated names (<Stage>-Data-…) or a function's own /aws/lambda/<generated function name>: inside the key policy's prefixes.
      if (group.Properties.LogGroupName !== undefined) {
        expect(group.Properties.LogGroupName).toEqual({ 'Fn::Join': ['', ['/aws/lambda/', { Ref: expect.any(String) }]] });
      }
    }
  });

  test('VPC flow logs of all traffic, to the encrypted log group in this stack', () => {
    t.hasResourceProperties('AWS::EC2::FlowLog', {
      ResourceType: 'VPC',
      TrafficType: 'ALL',
      LogDestinationType: 'cloud-watch-logs',
      ResourceId: { 'Fn::ImportValue': Match.stringLikeRegexp('-Network:') },
    });
  });

  test('the bootstrap-broker lookup runs in the private subnets with HTTPS-only egress', () => {
    const fn = Object.values(t.findResources('AWS::Lambda::Function')).find((f) =>
      JSON.stringify(f).includes('AWS679f53fac002430cb0da5b7982bd2287'),
    )!;
    expect(fn.Properties.VpcConfig.SubnetIds).toHaveLength(name === 'dev' ? 2 : 3);
    t.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: Match.stringLikeRegexp('^MSK bootstrap-broker lookup'),
      SecurityGroupEgress: [{ CidrIp: '0.0.0.0/0', FromPort: 443, IpProtocol: 'tcp', ToPort: 443, Description: 'HTTPS to AWS APIs' }],
    });
  });

  test(`MSK enhanced monitoring ${name === 'prod' ? 'PER_BROKER' : 'DEFAULT (no billed per-broker metrics)'}`, () => {
    t.hasResourceProperties('AWS::MSK::Cluster', { EnhancedMonitoring: name === 'prod' ? 'PER_BROKER' : 'DEFAULT' });
  });

  test('every bucket denies non-TLS access', () => {
    const policies = Object.values(t.findResources('AWS::S3::BucketPolicy'));
    expect(policies).toHaveLength(2);
    for (const policy of policies) {
      expect(policy.Properties.PolicyDocument.Statement).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
    }
  });

  test('admin secret is generated as JSON {username, password}', () => {
    t.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: {
        SecretStringTemplate: '{"username":"sr-admin"}',
        GenerateStringKey: 'password',
        PasswordLength: 40,
        ExcludePunctuation: true,
      },
    });
  });

  test('MSK cluster: IAM auth only, TLS in transit, brokers spread over the AZs, logs on', () => {
    t.hasResourceProperties('AWS::MSK::Cluster', {
      ClientAuthentication: { Sasl: { Iam: { Enabled: true } }, Unauthenticated: { Enabled: false } },
      EncryptionInfo: { EncryptionInTransit: { ClientBroker: 'TLS', InCluster: true } },
      BrokerNodeGroupInfo: Match.objectLike({ ConnectivityInfo: { PublicAccess: { Type: 'DISABLED' } } }),
      LoggingInfo: { BrokerLogs: { CloudWatchLogs: Match.objectLike({ Enabled: true }) } },
    });
    const cluster = Object.values(t.findResources('AWS::MSK::Cluster'))[0].Properties;
    expect(cluster.NumberOfBrokerNodes % cluster.BrokerNodeGroupInfo.ClientSubnets.length).toBe(0);
  });

  test('broker security group admits nothing by itself and has no open egress', () => {
    const sg = Object.values(
      t.findResources('AWS::EC2::SecurityGroup', { Properties: { GroupDescription: Match.stringLikeRegexp('^MSK brokers') } }),
    );
    expect(sg).toHaveLength(1);
    expect(sg[0].Properties.SecurityGroupIngress).toBeUndefined();
    expect(sg[0].Properties.SecurityGroupEgress).toEqual([expect.objectContaining({ CidrIp: '255.255.255.255/32' })]);
    t.resourceCountIs('AWS::EC2::SecurityGroupIngress', 0);
  });

  test('bootstrap brokers are read with kafka:GetBootstrapBrokers scoped to the cluster', () => {
    t.hasResourceProperties('Custom::AWS', { Update: Match.anyValue() });
    t.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [{ Action: 'kafka:GetBootstrapBrokers', Effect: 'Allow', Resource: { Ref: 'KafkaCluster21A1BE89' } }],
      },
    });
  });

  test('matches the snapshot', () => {
    expect(t.toJSON()).toMatchSnapshot();
  });
});

describe('prod keeps its data', () => {
  const { data: t, stage } = defaultStage('prod');

  test('termination protection on every stack', () => {
    expect([stage.network, stage.data, stage.registry, stage.monitoring].map((s) => s.terminationProtection)).toEqual([
      true,
      true,
      true,
      true,
    ]);
  });

  test.each(['AWS::S3::Bucket', 'AWS::SecretsManager::Secret', 'AWS::MSK::Cluster', 'AWS::KMS::Key', 'AWS::Logs::LogGroup'])(
    '%s is retained',
    (type) => {
      const resources = Object.values(t.findResources(type));
      expect(resources.length).toBeGreaterThan(0);
      for (const r of resources) {
        expect(r.DeletionPolicy).toBe('Retain');
        expect(r.UpdateReplacePolicy).toBe('Retain');
      }
    },
  );

  test('no auto-delete of bucket contents', () => {
    t.resourceCountIs('Custom::S3AutoDeleteObjects', 0);
  });

  test('staging MSK is right-sized: 3 small brokers', () => {
    const staging = Object.values(defaultStage('staging').data.findResources('AWS::MSK::Cluster'))[0].Properties;
    expect([staging.NumberOfBrokerNodes, staging.BrokerNodeGroupInfo.InstanceType]).toEqual([3, 'kafka.t3.small']);
  });

  test('prod MSK: 3 brokers over 3 AZs', () => {
    const cluster = Object.values(t.findResources('AWS::MSK::Cluster'))[0].Properties;
    expect(cluster.NumberOfBrokerNodes).toBe(3);
    expect(cluster.BrokerNodeGroupInfo.ClientSubnets).toHaveLength(3);
    expect(cluster.BrokerNodeGroupInfo.InstanceType).toBe('kafka.m7g.large');
  });
});

describe('dev is disposable', () => {
  const { data: t, stage } = defaultStage('dev');

  test('no termination protection; buckets are emptied and deleted with the stack', () => {
    expect([stage.network, stage.data, stage.registry, stage.monitoring].map((s) => s.terminationProtection)).toEqual([
      false,
      false,
      false,
      false,
    ]);
    for (const r of Object.values(t.findResources('AWS::S3::Bucket'))) expect(r.DeletionPolicy).toBe('Delete');
    t.resourceCountIs('Custom::S3AutoDeleteObjects', 2);
  });
});
