import { type RemovalPolicy, Token } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { REGISTRY_ACCESS_ENV } from '../../../lambda/contracts/registry-access';
import { grantSecretKeyDecrypt } from '../shared/secret-key-grants';

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

  /**
   * Basic-auth admin credentials (`{"username","password"}`); read at run time by ARN, never copied.
   * Grant reading it with `grantAdminSecretRead`, which also covers `adminSecretKey`.
   */
  readonly adminSecret: secretsmanager.ISecret;

  /**
   * The customer-managed key `adminSecret` is encrypted with (the environment key).
   * @default undefined (the secret uses Secrets Manager's AWS-managed key)
   */
  readonly adminSecretKey?: kms.IKey;

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
   * Key the functions' log groups are encrypted with (the environment key; its policy must let
   * CloudWatch Logs use it for these log groups).
   * @default undefined (CloudWatch Logs' own encryption)
   */
  readonly logEncryptionKey?: kms.IKey;

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
 * `grantAdminSecretRead(...)`; the seeding functions get both as custom-resource properties instead.
 */
export function registryAccessEnvironment(access: Pick<RegistryAccessProps, 'registryUrl' | 'adminSecret'>): Record<string, string> {
  return {
    [REGISTRY_ACCESS_ENV.registryUrl]: access.registryUrl,
    [REGISTRY_ACCESS_ENV.adminSecretArn]: access.adminSecret.secretArn,
  };
}

/** Lets `grantee` read the admin secret: `secretsmanager:GetSecretValue` and, with a customer-managed key, `kms:Decrypt` through Secrets Manager. */
export function grantAdminSecretRead(grantee: iam.IGrantable, access: Pick<RegistryAccessProps, 'adminSecret' | 'adminSecretKey'>): void {
  access.adminSecret.grantRead(grantee);
  if (access.adminSecretKey) grantSecretKeyDecrypt(grantee, access.adminSecret, access.adminSecretKey);
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
