import type { EnvironmentConfig } from '../environment-config';
import { isIpv4Cidr, isPositiveInteger } from './formats';

/** Problems in `network` (VPC CIDR, availability zones, NAT gateways, flow logs). */
export function validateNetwork(config: EnvironmentConfig): string[] {
  const { network, region, name } = config;
  const problems: string[] = [];
  if (!isIpv4Cidr(network.vpcCidr)) {
    problems.push(`network.vpcCidr: '${network.vpcCidr}' is not an IPv4 CIDR like 10.40.0.0/16`);
  } else {
    const prefix = Number(network.vpcCidr.split('/')[1]);
    if (prefix < 16 || prefix > 24) {
      problems.push(`network.vpcCidr: /${prefix} is outside the /16 to /24 range a VPC allows (and subnets need room)`);
    }
  }
  const azs = network.availabilityZones;
  if (azs.length < 2) {
    problems.push(
      `network.availabilityZones: ${azs.length} given for ${name}; at least 2 AZs are needed (the load balancer spans two, and an AZ outage must not stop the registry)`,
    );
  }
  if (new Set(azs).size !== azs.length) {
    problems.push(`network.availabilityZones: duplicate AZ in [${azs.join(', ')}]`);
  }
  const foreign = azs.filter((az) => !new RegExp(`^${region}[a-z]$`).test(az));
  if (foreign.length > 0) {
    problems.push(`network.availabilityZones: ${foreign.join(', ')} not in region ${region} (expected names like ${region}a)`);
  }
  if (!Number.isInteger(network.natGateways) || network.natGateways < 1 || network.natGateways > azs.length) {
    problems.push(
      `network.natGateways: ${network.natGateways} must be between 1 and the AZ count (${azs.length}); private subnets need egress`,
    );
  }
  if (!isPositiveInteger(network.flowLogRetentionDays)) {
    problems.push(`network.flowLogRetentionDays: ${network.flowLogRetentionDays} must be a positive whole number of days`);
  }
  return problems;
}
