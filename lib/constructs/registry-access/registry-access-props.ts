import { type RemovalPolicy, Token } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { REGISTRY_ACCESS_ENV } from '../../../lambda/contracts/registry-access';

/**
 * What every Lambda that talks to the registry from inside the VPC needs (seeding, scheduled
 * backups, and later ones such as a mode check): where the registry is, how to get in, where the
 * function runs and how its logs are kept. The stage builds one of these and spreads it into
 * each such construct's props.
 */
export interface RegistryAccessProps {
  /** Base URL of the registry as the function reaches it (the internal load balancer or its DNS name). */
  readonly registryUrl: string;

  /**
   * The registry's load-balancer listener: the function may reach exactly its port, and the load
   * balancer's security group gets the matching ingress rule.
   */
  readonly registryListener: elbv2.IApplicationListener;

  /** Basic-auth admin credentials (`{"username","password"}`); read at run time by ARN, never copied. */
  readonly adminSecret: secretsmanager.ISecret;

  /** The VPC the registry's load balancer lives in. */
  readonly vpc: ec2.IVpc;

  /**
   * Subnets for the functions' network interfaces.
   * @default private subnets with egress
   */
  readonly vpcSubnets?: ec2.SubnetSelection;

  /** Retention of the functions' log groups. */
  readonly logRetention: logs.RetentionDays;

  /**
   * What happens to the log groups when the stack is deleted.
   * @default RemovalPolicy.DESTROY
   */
  readonly logRemovalPolicy?: RemovalPolicy;

  /**
   * Memory of each function in MB (128 to 10240). The engine holds one export or registry
   * snapshot in memory (about the size of its schema texts); Lambda CPU also scales with memory.
   * @default 1024
   */
  readonly memorySize?: number;
}

/** Memory of a registry-access function unless its props say otherwise. */
export const DEFAULT_REGISTRY_ACCESS_MEMORY_MB = 1024;
const LAMBDA_MEMORY_MB = { min: 128, max: 10240 };

/**
 * The environment variables through which a function reads the registry URL and the admin
 * secret's ARN (`REGISTRY_ACCESS_ENV`). A function given them also needs
 * `adminSecret.grantRead(...)`; the seeding functions get both as custom-resource properties instead.
 */
export function registryAccessEnvironment(access: Pick<RegistryAccessProps, 'registryUrl' | 'adminSecret'>): Record<string, string> {
  return {
    [REGISTRY_ACCESS_ENV.registryUrl]: access.registryUrl,
    [REGISTRY_ACCESS_ENV.adminSecretArn]: access.adminSecret.secretArn,
  };
}

/** Problems with the shared registry-access props, each naming the prop and the fix; [] when valid. */
export function registryAccessProblems(props: RegistryAccessProps): string[] {
  const problems: string[] = [];
  if (!Token.isUnresolved(props.registryUrl) && !/^https?:\/\/[^/\s]+/.test(props.registryUrl)) {
    problems.push(`registryUrl must be an http:// or https:// URL of the registry, got '${props.registryUrl}'`);
  }
  const memory = props.memorySize;
  if (memory !== undefined && !(Number.isInteger(memory) && memory >= LAMBDA_MEMORY_MB.min && memory <= LAMBDA_MEMORY_MB.max)) {
    problems.push(
      `memorySize must be a whole number of MB from ${LAMBDA_MEMORY_MB.min} to ${LAMBDA_MEMORY_MB.max} (Lambda's range), got ${memory}`,
    );
  }
  return problems;
}
