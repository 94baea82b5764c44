import type { EnvironmentName } from './environment-name';
import { isCertificateArn, isHostedZoneId, isIpv4Cidr, isSecurityGroupId } from './validation/formats';

/**
 * How clients reach the registry: the internal load balancer's listener, who may connect,
 * and the optional DNS name clients switch to at cut-over.
 */
export interface EndpointConfig {
  /**
   * ACM certificate for the HTTPS listener (port 443, HTTP on 80 redirects to it). It must cover
   * the `dns` record name, which is therefore required with it. Required in staging and prod.
   * Without one the load balancer serves plain HTTP on port 80 only.
   * @default undefined in dev (plain HTTP); staging and prod commit EXAMPLE values that synth
   * accepts and a deploy rejects (see `exampleEndpointFields`)
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
   * Route 53 alias record pointing at the load balancer (a private hosted zone is typical). The
   * registry URL (stack output, seeding and backup functions, migration runner) uses this name.
   * Required with `certificateArn` and in staging and prod.
   * @default undefined in dev (no record; clients use the load balancer's DNS name); EXAMPLE
   * values in staging and prod
   */
  readonly dns?: DnsConfig;

  /**
   * Deletion protection on the load balancer (`deletion_protection.enabled`). Required in prod.
   * @default false (dev), true (staging, prod)
   */
  readonly deletionProtection: boolean;
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

/**
 * Placeholder endpoint values committed for staging and prod so a fresh clone synthesizes every
 * stage. They name nothing real: the Network stack of an environment that still uses them gets a
 * CloudFormation rule that rejects the deploy (lib/constructs/network/example-endpoint-guard.ts).
 */
export const EXAMPLE_ENDPOINT = {
  certificateArn: 'arn:aws:acm:eu-west-1:111122223333:certificate/00000000-0000-0000-0000-000000000000',
  hostedZoneId: 'Z00000000EXAMPLE',
  zoneName: 'example.com',
} as const;

/** The example TLS endpoint of an environment: the EXAMPLE_ENDPOINT certificate and zone. */
export function exampleTlsEndpoint(environment: EnvironmentName): Pick<EndpointConfig, 'certificateArn' | 'dns'> {
  return {
    certificateArn: EXAMPLE_ENDPOINT.certificateArn,
    dns: {
      hostedZoneId: EXAMPLE_ENDPOINT.hostedZoneId,
      zoneName: EXAMPLE_ENDPOINT.zoneName,
      recordName: `schema-registry-${environment}`,
    },
  };
}

/** The `endpoint` fields still holding EXAMPLE_ENDPOINT values (empty when the endpoint is real). */
export function exampleEndpointFields(endpoint: EndpointConfig): string[] {
  const fields: string[] = [];
  if (endpoint.certificateArn === EXAMPLE_ENDPOINT.certificateArn) fields.push('endpoint.certificateArn');
  if (endpoint.dns?.hostedZoneId === EXAMPLE_ENDPOINT.hostedZoneId) fields.push('endpoint.dns.hostedZoneId');
  if (endpoint.dns?.zoneName.replace(/\.$/, '') === EXAMPLE_ENDPOINT.zoneName) fields.push('endpoint.dns.zoneName');
  return fields;
}

/** Environments whose registry must be reached over HTTPS at a DNS name the certificate covers. */
const TLS_REQUIRED: readonly EnvironmentName[] = ['staging', 'prod'];

/** Problems in `endpoint` (certificate, allowed clients, DNS record, deletion protection). */
export function validateEndpointConfig(endpoint: EndpointConfig, region: string, name: EnvironmentName): string[] {
  const problems: string[] = [];
  if (TLS_REQUIRED.includes(name) && endpoint.certificateArn === undefined) {
    problems.push(
      `endpoint.certificateArn: required in ${name} (basic-auth passwords must not cross the network in clear text); ` +
        'set the ARN of an ACM certificate (same region) that covers endpoint.dns, see README "Before the first deploy"',
    );
  }
  if (endpoint.certificateArn !== undefined && endpoint.dns === undefined) {
    problems.push(
      "endpoint.dns: required with endpoint.certificateArn: the certificate names a DNS name, not the load balancer's, so clients and " +
        'the seeding and backup functions must use https://<record>; set endpoint.dns { hostedZoneId, zoneName, recordName }',
    );
  } else if (TLS_REQUIRED.includes(name) && endpoint.dns === undefined) {
    problems.push(`endpoint.dns: required in ${name} (the name the certificate covers); set { hostedZoneId, zoneName, recordName }`);
  }
  if (name === 'prod' && endpoint.deletionProtection !== true) {
    problems.push('endpoint.deletionProtection: prod must protect its load balancer from deletion (set it to true)');
  }
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
