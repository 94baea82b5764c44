import { isCertificateArn, isHostedZoneId, isIpv4Cidr, isSecurityGroupId } from './validation/formats';

/**
 * How clients reach the registry: the internal load balancer's listener, who may connect,
 * and the optional DNS name clients switch to at cut-over.
 */
export interface EndpointConfig {
  /**
   * ACM certificate for the HTTPS listener (port 443, HTTP on 80 redirects to it).
   * Without one the load balancer serves plain HTTP on port 80 only.
   * @default undefined (plain HTTP; set one before real use outside dev)
   */
  readonly certificateArn?: string;

  /**
   * IPv4 CIDRs allowed to reach the load balancer. When neither this nor
   * `allowedClientSecurityGroupIds` is set, the VPC CIDR is allowed (and nothing else).
   * @default [] (the VPC CIDR)
   */
  readonly allowedClientCidrs: string[];

  /**
   * Security groups (ids like `sg-0123456789abcdef0`) whose members may reach the load balancer.
   * @default []
   */
  readonly allowedClientSecurityGroupIds: string[];

  /**
   * Route 53 alias record pointing at the load balancer (a private hosted zone is typical).
   * @default undefined (no record; clients use the load balancer's DNS name)
   */
  readonly dns?: DnsConfig;
}

/** A Route 53 alias record for the registry endpoint. */
export interface DnsConfig {
  /** Hosted zone id, e.g. `Z0123456789ABCDEFGHIJ`. Required, no default. */
  readonly hostedZoneId: string;
  /** The zone's domain name, e.g. `internal.example.com`. Required, no default. */
  readonly zoneName: string;
  /**
   * Record name relative to the zone (e.g. `schema-registry`), or the full name inside it.
   * @default 'schema-registry'
   */
  readonly recordName: string;
}

/** Problems in `endpoint` (certificate, allowed clients, DNS record). */
export function validateEndpointConfig(endpoint: EndpointConfig, region: string): string[] {
  const problems: string[] = [];
  if (endpoint.certificateArn !== undefined && !isCertificateArn(endpoint.certificateArn)) {
    problems.push(
      `endpoint.certificateArn: '${endpoint.certificateArn}' is not an ACM certificate ARN ` +
        `(arn:aws:acm:<region>:<account>:certificate/<uuid>)`,
    );
  } else if (endpoint.certificateArn !== undefined && endpoint.certificateArn.split(':')[3] !== region) {
    problems.push(
      `endpoint.certificateArn: certificate is in ${endpoint.certificateArn.split(':')[3]} but the load balancer is in ${region}; ACM certificates are regional`,
    );
  }
  for (const cidr of endpoint.allowedClientCidrs) {
    if (!isIpv4Cidr(cidr)) problems.push(`endpoint.allowedClientCidrs: '${cidr}' is not an IPv4 CIDR like 10.0.0.0/8`);
    else if (cidr.endsWith('/0')) {
      problems.push(`endpoint.allowedClientCidrs: '${cidr}' opens the registry to every address; list your client networks instead`);
    }
  }
  for (const sg of endpoint.allowedClientSecurityGroupIds) {
    if (!isSecurityGroupId(sg)) {
      problems.push(`endpoint.allowedClientSecurityGroupIds: '${sg}' is not a security group id like sg-0123456789abcdef0`);
    }
  }
  if (endpoint.dns) {
    if (!isHostedZoneId(endpoint.dns.hostedZoneId)) {
      problems.push(`endpoint.dns.hostedZoneId: '${endpoint.dns.hostedZoneId}' is not a Route 53 hosted zone id like Z0123456789ABC`);
    }
    if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+\.?$/i.test(endpoint.dns.zoneName)) {
      problems.push(`endpoint.dns.zoneName: '${endpoint.dns.zoneName}' is not a domain name like internal.example.com`);
    }
    if (!/^[a-z0-9*-]+(\.[a-z0-9-]+)*\.?$/i.test(endpoint.dns.recordName)) {
      problems.push(`endpoint.dns.recordName: '${endpoint.dns.recordName}' is not a DNS label like schema-registry`);
    }
  }
  return problems;
}
