import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { EndpointConfig } from '../../config';

export interface RegistryLoadBalancerProps {
  readonly vpc: ec2.IVpc;
  /** The VPC's CIDR as configured (the default client range; a literal avoids a cross-stack token). */
  readonly vpcCidr: string;
  readonly endpoint: EndpointConfig;
  /** SSE-S3 bucket that receives the ALB access logs. */
  readonly accessLogsBucket: s3.IBucket;
  /** Key prefix of the access logs, e.g. `alb/dev`. */
  readonly accessLogsPrefix: string;
}

/**
 * Internal application load balancer in the private subnets. With a certificate: HTTPS on 443
 * and a redirect from 80; without: plain HTTP on 80. Ingress only from the configured client
 * CIDRs and security groups (the VPC CIDR when none is configured).
 */
export class RegistryLoadBalancer extends Construct {
  readonly loadBalancer: elbv2.ApplicationLoadBalancer;
  readonly securityGroup: ec2.SecurityGroup;
  /** The listener that serves the registry (HTTPS when a certificate is configured). */
  readonly listener: elbv2.ApplicationListener;
  /** `https` or `http`. */
  readonly protocol: 'https' | 'http';
  /** Port of the serving listener. */
  readonly port: number;

  constructor(scope: Construct, id: string, props: RegistryLoadBalancerProps) {
    super(scope, id);
    const { endpoint, vpc } = props;
    const tls = endpoint.certificateArn !== undefined;
    this.protocol = tls ? 'https' : 'http';
    this.port = tls ? 443 : 80;

    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc,
      description: 'Schema Registry load balancer: clients in, registry tasks out',
      allowAllOutbound: false,
    });
    this.loadBalancer = new elbv2.ApplicationLoadBalancer(this, 'LoadBalancer', {
      vpc,
      internetFacing: false,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      securityGroup: this.securityGroup,
      dropInvalidHeaderFields: true,
      deletionProtection: endpoint.deletionProtection,
    });
    this.loadBalancer.logAccessLogs(props.accessLogsBucket, props.accessLogsPrefix);

    const ports = tls ? [443, 80] : [80];
    for (const peer of clientPeers(endpoint, props.vpcCidr)) {
      for (const port of ports) {
        this.securityGroup.addIngressRule(
          peer,
          ec2.Port.tcp(port),
          `Registry clients (${port === 80 && tls ? 'redirect to HTTPS' : this.protocol})`,
        );
      }
    }

    if (tls) {
      this.listener = this.loadBalancer.addListener('Https', {
        port: 443,
        protocol: elbv2.ApplicationProtocol.HTTPS,
        certificates: [acm.Certificate.fromCertificateArn(this, 'Certificate', endpoint.certificateArn!)],
        sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS,
        open: false,
      });
      this.loadBalancer.addListener('HttpRedirect', {
        port: 80,
        protocol: elbv2.ApplicationProtocol.HTTP,
        open: false,
        defaultAction: elbv2.ListenerAction.redirect({ protocol: 'HTTPS', port: '443', permanent: true }),
      });
    } else {
      this.listener = this.loadBalancer.addListener('Http', {
        port: 80,
        protocol: elbv2.ApplicationProtocol.HTTP,
        open: false,
      });
    }
  }
}

/** Configured client CIDRs and security groups, or the VPC CIDR when none are configured. */
function clientPeers(endpoint: EndpointConfig, vpcCidr: string): ec2.IPeer[] {
  const peers: ec2.IPeer[] = [
    ...endpoint.allowedClientCidrs.map((cidr) => ec2.Peer.ipv4(cidr)),
    ...endpoint.allowedClientSecurityGroupIds.map((id) => ec2.Peer.securityGroupId(id)),
  ];
  return peers.length > 0 ? peers : [ec2.Peer.ipv4(vpcCidr)];
}
