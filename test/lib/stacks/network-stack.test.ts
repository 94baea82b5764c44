import { Match } from 'aws-cdk-lib/assertions';
import { defaultStage } from './stage-fixture';

describe.each([
  ['dev', ['eu-west-1a', 'eu-west-1b'], '10.40.0.0/16', 1, false],
  ['staging', ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'], '10.41.0.0/16', 1, false],
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

  test('flow logs are not here: the Data stack has them, with the key that encrypts them', () => {
    t.resourceCountIs('AWS::EC2::FlowLog', 0);
    t.resourceCountIs('AWS::Logs::LogGroup', 0);
  });

  test(`termination protection ${name === 'dev' ? 'off' : 'on'}`, () => {
    expect(stage.network.terminationProtection).toBe(name !== 'dev');
  });

  test(`example endpoint guard ${name === 'dev' ? 'absent' : 'stops a deploy before anything is created'}`, () => {
    const { CheckBootstrapVersion: _bootstrap, ...rules } = t.toJSON().Rules ?? {};
    if (name === 'dev') {
      expect(rules).toEqual({});
      return;
    }
    const [rule] = Object.values(rules) as { Assertions: { Assert: unknown; AssertDescription: string }[] }[];
    // A region is never this string, so the assertion always fails, with the fix as the message.
    expect(rule.Assertions).toEqual([
      {
        Assert: { 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'example-endpoint-values-replaced'] },
        AssertDescription: expect.stringContaining(`${name}: endpoint.certificateArn, endpoint.dns.hostedZoneId, endpoint.dns.zoneName`),
      },
    ]);
    expect(rule.Assertions[0].AssertDescription).toContain('lib/config/environments.ts');
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
