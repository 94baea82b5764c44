import type { EnvironmentName } from './environment-name';
import { isIpv4Cidr, isPositiveInteger } from './validation/formats';

/**
 * Network settings of one environment: the VPC the registry, its load balancer and
 * (in `create` mode) the MSK brokers live in.
 */
export interface NetworkConfig {
  /**
   * IPv4 CIDR of the VPC.
   * @default '10.40.0.0/16' (dev), '10.41.0.0/16' (staging), '10.42.0.0/16' (prod)
   */
  readonly vpcCidr: string;

  /**
   * Availability zones to spread subnets over, named explicitly (e.g. `eu-west-1a`) so synth
   * never needs an AWS lookup. At least 2 (the load balancer needs two); prod needs 2 or more.
   * Their number is the "AZ count" that MSK broker counts must be a multiple of.
   * @default the first 2 (dev) or 3 (staging, prod) AZs of the region
   */
  readonly availabilityZones: string[];

  /**
   * NAT gateways for private-subnet egress. 1 saves cost; one per AZ survives an AZ outage.
   * @default 1 (dev), one per AZ (staging, prod)
   */
  readonly natGateways: number;

  /**
   * Create VPC endpoints (S3 gateway; ECR API, ECR Docker, CloudWatch Logs and Secrets Manager
   * interface endpoints) so image pulls, logs and secrets do not cross the NAT gateway.
   * @default false (dev), true (staging, prod)
   */
  readonly vpcEndpoints: boolean;

  /**
   * Days to keep VPC flow logs in CloudWatch Logs.
   * @default 30 (dev), 90 (staging), 365 (prod)
   */
  readonly flowLogRetentionDays: number;
}

/** Problems in `network` (VPC CIDR, availability zones, NAT gateways, flow logs). */
export function validateNetworkConfig(network: NetworkConfig, name: EnvironmentName, region: string): string[] {
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
