import { Match } from 'aws-cdk-lib/assertions';
import { defaultStage } from './stage-fixture';

describe.each([
  ['dev', ['eu-west-1a', 'eu-west-1b'], '10.40.0.0/16', 1, false],
  ['staging', ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'], '10.41.0.0/16', 3, true],
  ['prod', ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'], '10.42.0.0/16', 3, true],
] as const)('Network stack (%s)', (name, azs, cidr, nats, endpoints) => {
  const { network: t, stage } = defaultStage(name);

  test('VPC over the configured AZs and CIDR', () => {
    t.hasResourceProperties('AWS::EC2::VPC', { CidrBlock: cidr });
    const subnetAzs = Object.values(t.findResources('AWS::EC2::Subnet')).map((s) => s.Properties.AvailabilityZone);
    expect([...new Set(subnetAzs)].sort()).toEqual([...azs]);
    expect(stage.network.vpc.privateSubnets).toHaveLength(azs.length);
  });

  test('no subnet hands out public IPs', () => {
    for (const subnet of Object.values(t.findResources('AWS::EC2::Subnet'))) {
      expect(subnet.Properties.MapPublicIpOnLaunch).toBe(false);
    }
  });

  test('private subnets egress through NAT gateways', () => {
    t.resourceCountIs('AWS::EC2::NatGateway', nats);
    t.hasResourceProperties('AWS::EC2::Route', { DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: Match.anyValue() });
  });

  test('flow logs of all traffic to CloudWatch Logs', () => {
    t.hasResourceProperties('AWS::EC2::FlowLog', { ResourceType: 'VPC', TrafficType: 'ALL', LogDestinationType: 'cloud-watch-logs' });
  });

  test(`VPC endpoints ${endpoints ? 'present' : 'absent'}`, () => {
    t.resourceCountIs('AWS::EC2::VPCEndpoint', endpoints ? 5 : 0);
    if (endpoints) {
      t.hasResourceProperties('AWS::EC2::SecurityGroup', {
        GroupDescription: Match.stringLikeRegexp('interface endpoints'),
        SecurityGroupIngress: [{ CidrIp: cidr, Description: 'HTTPS from the VPC', FromPort: 443, IpProtocol: 'tcp', ToPort: 443 }],
      });
    }
  });

  test('matches the snapshot', () => {
    expect(t.toJSON()).toMatchSnapshot();
  });
});
