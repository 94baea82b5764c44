import { Stack, type StackProps } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { Construct } from 'constructs';
import { type EnvironmentConfig, exampleEndpointFields } from '../config';
import { ExampleEndpointGuard } from '../constructs/network/example-endpoint-guard';
import { RegistryVpc } from '../constructs/network/registry-vpc';

export interface NetworkStackProps extends StackProps {
  readonly config: EnvironmentConfig;
}

/**
 * The VPC every other stack of the environment lives in. Deployed first, so it also carries the
 * guard that stops a deploy of committed example endpoint values before anything is created.
 */
export class NetworkStack extends Stack {
  readonly vpc: ec2.Vpc;

  constructor(scope: Construct, id: string, props: NetworkStackProps) {
    super(scope, id, { ...props, terminationProtection: props.config.terminationProtection });
    const exampleFields = exampleEndpointFields(props.config.endpoint);
    if (exampleFields.length > 0) {
      new ExampleEndpointGuard(this, 'ExampleEndpointGuard', { environmentName: props.config.name, fields: exampleFields });
    }
    this.vpc = new RegistryVpc(this, 'Network', { network: props.config.network }).vpc;
  }
}
