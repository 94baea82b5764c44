import { Stack, type StackProps } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config';
import { RegistryVpc } from '../constructs/network/registry-vpc';
import { removalPolicyOf } from '../constructs/shared/removal-policy';

export interface NetworkStackProps extends StackProps {
  readonly config: EnvironmentConfig;
}

/** The VPC every other stack of the environment lives in. */
export class NetworkStack extends Stack {
  readonly vpc: ec2.Vpc;

  constructor(scope: Construct, id: string, props: NetworkStackProps) {
    super(scope, id, props);
    this.vpc = new RegistryVpc(this, 'Network', {
      network: props.config.network,
      logRemovalPolicy: removalPolicyOf(props.config.data),
    }).vpc;
  }
}
