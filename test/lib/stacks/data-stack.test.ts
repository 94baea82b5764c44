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
};

describe.each(['dev', 'staging', 'prod'] as const)('Data stack (%s)', (name) => {
  const { data: t } = defaultStage(name);

  test('stateful resources keep their logical ids', () => {
    for (const [type, ids] of Object.entries(PINNED_LOGICAL_IDS)) {
      expect(Object.keys(t.findResources(type)).sort()).toEqual(ids);
    }
  });

  test('export bucket: versioned, SSE-S3, no public access, access-logged, lifecycle', () => {
    t.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
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

  test('access-log bucket: SSE-S3 (ALB logging needs it), expiring logs', () => {
    t.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      LifecycleConfiguration: { Rules: Match.arrayWith([Match.objectLike({ ExpirationInDays: Match.anyValue() })]) },
      LoggingConfiguration: Match.absent(),
    });
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

  test('termination protection on the stateful stack', () => {
    expect(stage.data.terminationProtection).toBe(true);
  });

  test.each(['AWS::S3::Bucket', 'AWS::SecretsManager::Secret', 'AWS::MSK::Cluster'])('%s is retained', (type) => {
    const resources = Object.values(t.findResources(type));
    expect(resources.length).toBeGreaterThan(0);
    for (const r of resources) {
      expect(r.DeletionPolicy).toBe('Retain');
      expect(r.UpdateReplacePolicy).toBe('Retain');
    }
  });

  test('no auto-delete of bucket contents', () => {
    t.resourceCountIs('Custom::S3AutoDeleteObjects', 0);
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
    expect(stage.data.terminationProtection).toBe(false);
    for (const r of Object.values(t.findResources('AWS::S3::Bucket'))) expect(r.DeletionPolicy).toBe('Delete');
    t.resourceCountIs('Custom::S3AutoDeleteObjects', 2);
  });
});
