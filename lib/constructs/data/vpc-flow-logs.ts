import type { RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { retentionDays } from '../shared/retention';

export interface VpcFlowLogsProps {
  /** The environment's VPC (from the Network stack). */
  readonly vpc: ec2.IVpc;
  /** Days the flow log records are kept. */
  readonly retentionDays: number;
  /** The environment key the log group is encrypted with. */
  readonly encryptionKey: kms.IKey;
  /** What happens to the log group when the stack is deleted. */
  readonly removalPolicy: RemovalPolicy;
}

/**
 * Flow logs of every ENI in the VPC (accepted and rejected traffic) to a CloudWatch log group
 * encrypted with the environment key. They live in the Data stack, beside the key: the Network
 * stack deploys first, so a log group there could not use it.
 */
export class VpcFlowLogs extends Construct {
  readonly logGroup: logs.LogGroup;
  readonly flowLog: ec2.FlowLog;

  constructor(scope: Construct, id: string, props: VpcFlowLogsProps) {
    super(scope, id);
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: retentionDays(props.retentionDays),
      encryptionKey: props.encryptionKey,
      removalPolicy: props.removalPolicy,
    });
    this.flowLog = new ec2.FlowLog(this, 'FlowLog', {
      resourceType: ec2.FlowLogResourceType.fromVpc(props.vpc),
      destination: ec2.FlowLogDestination.toCloudWatchLogs(this.logGroup),
      trafficType: ec2.FlowLogTrafficType.ALL,
    });
  }
}
