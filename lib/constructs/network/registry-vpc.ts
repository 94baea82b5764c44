import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import type { NetworkConfig } from '../../config';
import { acknowledge } from '../../nag/acknowledge';

export interface RegistryVpcProps {
  /** VPC CIDR, AZs, NAT gateways and endpoints. */
  readonly network: NetworkConfig;
}

/**
 * VPC over explicitly named AZs: public subnets only for NAT gateways, private subnets with
 * egress for tasks, the load balancer and brokers; optional VPC endpoints so image pulls, logs
 * and secrets stay off the NAT gateway. Its flow logs are in the Data stack (VpcFlowLogs), with
 * the key that encrypts them.
 */
export class RegistryVpc extends Construct {
  readonly vpc: ec2.Vpc;

  constructor(scope: Construct, id: string, props: RegistryVpcProps) {
    super(scope, id);
    const { network } = props;
    this.vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: ec2.IpAddresses.cidr(network.vpcCidr),
      availabilityZones: network.availabilityZones,
      natGateways: network.natGateways,
      subnetConfiguration: [
        { name: 'Public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24, mapPublicIpOnLaunch: false },
        { name: 'Private', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 20 },
      ],
    });

    acknowledge(this.vpc, {
      id: 'AwsSolutions-VPC7',
      reason:
        'The VPC has flow logs (all traffic), created in the Data stack (VpcFlowLogs) so their log group can use the environment key, ' +
        'which this stack deploys before; cdk-nag looks for them only in this stack. test/lib/stacks/data-stack.test.ts asserts them.',
    });

    if (network.vpcEndpoints) this.addEndpoints(network.vpcCidr);
  }

  private addEndpoints(vpcCidr: string): void {
    const privateSubnets = { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS };
    // ECR stores image layers in S3, so the gateway endpoint also carries image pulls.
    this.vpc.addGatewayEndpoint('S3', { service: ec2.GatewayVpcEndpointAwsService.S3, subnets: [privateSubnets] });
    const interfaces: Record<string, ec2.InterfaceVpcEndpointAwsService> = {
      EcrApi: ec2.InterfaceVpcEndpointAwsService.ECR,
      EcrDocker: ec2.InterfaceVpcEndpointAwsService.ECR_DOCKER,
      Logs: ec2.InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS,
      SecretsManager: ec2.InterfaceVpcEndpointAwsService.SECRETS_MANAGER,
    };
    // One group for all interface endpoints: HTTPS from inside the VPC (the configured literal
    // CIDR, so the rule is checkable at synth time), nothing out.
    const endpointSecurityGroup = new ec2.SecurityGroup(this, 'EndpointSecurityGroup', {
      vpc: this.vpc,
      description: 'VPC interface endpoints: HTTPS from inside the VPC',
      allowAllOutbound: false,
    });
    endpointSecurityGroup.addIngressRule(ec2.Peer.ipv4(vpcCidr), ec2.Port.tcp(443), 'HTTPS from the VPC');
    for (const [id, service] of Object.entries(interfaces)) {
      this.vpc.addInterfaceEndpoint(id, {
        service,
        subnets: privateSubnets,
        privateDnsEnabled: true,
        securityGroups: [endpointSecurityGroup],
        open: false,
      });
    }
  }
}
