import type { EnvironmentConfig } from '../environment-config';
import { isCertificateArn, isHostedZoneId, isIpv4Cidr, isSecurityGroupId } from './formats';

/** Problems in `endpoint` (certificate, allowed clients, DNS record). */
export function validateEndpoint(config: EnvironmentConfig): string[] {
  const { endpoint } = config;
  const problems: string[] = [];
  if (endpoint.certificateArn !== undefined && !isCertificateArn(endpoint.certificateArn)) {
    problems.push(
      `endpoint.certificateArn: '${endpoint.certificateArn}' is not an ACM certificate ARN ` +
        `(arn:aws:acm:<region>:<account>:certificate/<uuid>)`,
    );
  } else if (endpoint.certificateArn !== undefined && endpoint.certificateArn.split(':')[3] !== config.region) {
    problems.push(
      `endpoint.certificateArn: certificate is in ${endpoint.certificateArn.split(':')[3]} but the load balancer is in ${config.region}; ACM certificates are regional`,
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
