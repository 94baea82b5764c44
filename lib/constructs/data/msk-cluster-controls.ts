import { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { MskBrokerMetrics } from '../../config';
import { acknowledge } from '../../nag/acknowledge';
import type { MskCluster } from '../kafka-access/msk-cluster';

/** Construct id of the function aws-cdk-lib creates for every AwsCustomResource in a stack. */
const AWS_CUSTOM_RESOURCE_SINGLETON_ID = 'AWS679f53fac002430cb0da5b7982bd2287';

export interface MskClusterControlsProps {
  /** The created cluster (its broker log group and bootstrap-broker lookup are adjusted). */
  readonly cluster: MskCluster;
  /** The VPC the lookup function joins (private subnets). */
  readonly vpc: ec2.IVpc;
  /** The environment key for the broker log group and the lookup function's log group. */
  readonly encryptionKey: kms.IKey;
  /** MSK enhanced monitoring level (`monitoring.mskBrokerMetrics`). */
  readonly brokerMetrics: MskBrokerMetrics;
}

/**
 * Environment policy applied to a created MSK cluster from outside its construct
 * (lib/constructs/kafka-access/ owns the cluster itself): broker logs and the bootstrap-broker
 * lookup's logs encrypted with the environment key (Control Tower CT.CLOUDWATCH.PR.3), the lookup
 * function inside the VPC (CT.LAMBDA.PR.3), and the broker metrics level from config. These would
 * sit better as MskCluster props (encryptionKey, vpc for its AwsCustomResource); until then they
 * are set on the CloudFormation resources here.
 */
export class MskClusterControls extends Construct {
  /** Security group of the lookup function: HTTPS out (the Kafka API and the CloudFormation response URL). */
  readonly lookupSecurityGroup: ec2.SecurityGroup;

  constructor(scope: Construct, id: string, props: MskClusterControlsProps) {
    super(scope, id);
    const { cluster, encryptionKey } = props;
    cluster.cluster.enhancedMonitoring = props.brokerMetrics;
    encryptLogGroup(cluster.node.findChild('BrokerLogs'), encryptionKey);

    const lookup = Stack.of(cluster).node.tryFindChild(AWS_CUSTOM_RESOURCE_SINGLETON_ID);
    if (!(lookup instanceof lambda.Function)) {
      throw new Error(`MskClusterControls: the bootstrap-broker lookup function ${AWS_CUSTOM_RESOURCE_SINGLETON_ID} was not found`);
    }
    encryptLogGroup(lookup.node.findChild('LogGroup'), encryptionKey);

    this.lookupSecurityGroup = new ec2.SecurityGroup(this, 'LookupSecurityGroup', {
      vpc: props.vpc,
      description: 'MSK bootstrap-broker lookup: HTTPS to the Kafka API and CloudFormation only',
      allowAllOutbound: false,
    });
    this.lookupSecurityGroup.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'HTTPS to AWS APIs');
    const cfnFunction = lookup.node.defaultChild as lambda.CfnFunction;
    cfnFunction.vpcConfig = {
      subnetIds: props.vpc.selectSubnets({ subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }).subnetIds,
      securityGroupIds: [this.lookupSecurityGroup.securityGroupId],
    };
    lookup.role!.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSLambdaVPCAccessExecutionRole'));
    acknowledge(lookup, {
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole]',
      reason:
        'AWS managed policy that lets Lambda create and delete the network interfaces of a VPC function; the bootstrap-broker ' +
        'lookup runs in the VPC like every other function of the environment.',
    });
  }
}

/** Sets the key on a log group created by another construct (an L2 LogGroup or its L1). */
function encryptLogGroup(logGroup: Construct, key: kms.IKey): void {
  const cfn = logGroup instanceof logs.CfnLogGroup ? logGroup : logGroup.node.defaultChild;
  if (!(cfn instanceof logs.CfnLogGroup)) throw new Error(`MskClusterControls: ${logGroup.node.path} is not a log group`);
  cfn.kmsKeyId = key.keyArn;
}
