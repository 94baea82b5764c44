import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as msk from 'aws-cdk-lib/aws-msk';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import type { CreateKafkaConfig } from '../../config';
import { acknowledge } from '../../nag/acknowledge';
import { retentionDays } from '../shared/retention';
import { DEFAULT_BROKER_PORTS, type KafkaConnection } from './kafka-connection';

/** Construct id of the function aws-cdk-lib creates for every AwsCustomResource in a stack. */
const AWS_CUSTOM_RESOURCE_SINGLETON_ID = 'AWS679f53fac002430cb0da5b7982bd2287';

export interface MskClusterProps {
  readonly vpc: ec2.IVpc;
  readonly kafka: CreateKafkaConfig;
  /** Physical cluster name (unique per account and region). */
  readonly clusterName: string;
  /** RETAIN keeps the cluster (and the `_schemas` topic in it) on stack deletion. */
  readonly removalPolicy: RemovalPolicy;
}

/**
 * MSK provisioned cluster for the registry's `_schemas` topic: IAM client auth only, TLS
 * between clients and brokers and inside the cluster, brokers spread over the VPC's private
 * subnets, broker logs in CloudWatch. Its broker security group admits nobody by default;
 * the registry service adds ingress from its own task security group on port 9098.
 */
export class MskCluster extends Construct {
  readonly cluster: msk.CfnCluster;
  readonly securityGroup: ec2.SecurityGroup;
  /** Cluster ARN (the resource's Ref). */
  readonly clusterArn: string;
  /** SASL/IAM bootstrap broker string, read after creation via kafka:GetBootstrapBrokers. */
  readonly bootstrapBrokers: string;

  constructor(scope: Construct, id: string, props: MskClusterProps) {
    super(scope, id);
    const { kafka } = props;

    this.securityGroup = new ec2.SecurityGroup(this, 'BrokerSecurityGroup', {
      vpc: props.vpc,
      description: 'MSK brokers of the Schema Registry store; ingress only from registry tasks',
      allowAllOutbound: false,
    });

    const brokerLogs = new logs.LogGroup(this, 'BrokerLogs', {
      retention: retentionDays(kafka.brokerLogRetentionDays),
      removalPolicy: props.removalPolicy,
    });

    this.cluster = new msk.CfnCluster(this, 'Cluster', {
      clusterName: props.clusterName,
      kafkaVersion: kafka.kafkaVersion,
      numberOfBrokerNodes: kafka.brokerCount,
      brokerNodeGroupInfo: {
        instanceType: kafka.instanceType,
        clientSubnets: props.vpc.selectSubnets({ subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }).subnetIds,
        securityGroups: [this.securityGroup.securityGroupId],
        storageInfo: { ebsStorageInfo: { volumeSize: kafka.volumeSizeGiB } },
        connectivityInfo: { publicAccess: { type: 'DISABLED' } },
      },
      clientAuthentication: {
        sasl: { iam: { enabled: true } },
        unauthenticated: { enabled: false },
      },
      encryptionInfo: {
        encryptionInTransit: { clientBroker: 'TLS', inCluster: true },
      },
      loggingInfo: {
        brokerLogs: { cloudWatchLogs: { enabled: true, logGroup: brokerLogs.logGroupName } },
      },
      enhancedMonitoring: 'PER_BROKER',
    });
    this.cluster.applyRemovalPolicy(props.removalPolicy);
    this.clusterArn = this.cluster.ref;

    // CfnCluster has no bootstrap-broker attribute; the alpha L2 reads it the same way.
    const brokers = new cr.AwsCustomResource(this, 'BootstrapBrokers', {
      onUpdate: {
        service: 'Kafka',
        action: 'getBootstrapBrokers',
        parameters: { ClusterArn: this.clusterArn },
        physicalResourceId: cr.PhysicalResourceId.of(`${props.clusterName}-bootstrap-brokers`),
        outputPaths: ['BootstrapBrokerStringSaslIam'],
      },
      policy: cr.AwsCustomResourcePolicy.fromSdkCalls({ resources: [this.clusterArn] }),
      installLatestAwsSdk: false,
    });
    this.bootstrapBrokers = brokers.getResponseField('BootstrapBrokerStringSaslIam');
    this.acknowledgeLookupFunction();
  }

  /** The AwsCustomResource Lambda is a per-stack singleton CDK creates beside this construct. */
  private acknowledgeLookupFunction(): void {
    const singleton = Stack.of(this).node.tryFindChild(AWS_CUSTOM_RESOURCE_SINGLETON_ID);
    if (!singleton) throw new Error('AwsCustomResource singleton function not found; the cdk-nag acknowledgement needs updating');
    acknowledge(singleton, {
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason:
        'CDK-owned AwsCustomResource handler that calls kafka:GetBootstrapBrokers once per deploy; the managed policy only ' +
        'lets it write its own CloudWatch logs, and its kafka permission is scoped to this cluster ARN.',
    });
  }

  /** How the registry reaches this cluster. */
  connection(): KafkaConnection {
    return {
      bootstrapServers: this.bootstrapBrokers,
      authMode: 'iam',
      brokerPorts: [DEFAULT_BROKER_PORTS.iam],
      clusterArn: this.clusterArn,
      clusterName: this.cluster.clusterName,
      brokerSecurityGroup: this.securityGroup,
    };
  }
}
