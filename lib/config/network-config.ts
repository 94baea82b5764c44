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
