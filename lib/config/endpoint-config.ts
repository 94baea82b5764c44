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
