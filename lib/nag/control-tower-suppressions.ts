import { CfnResource, Stage, Validations } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { IConstruct } from 'constructs';
import type { EnvironmentConfig } from '../config';
import { CONTROL_TOWER_PLUGIN_NAME, type CrossStackReferenceCheck } from './control-tower/plugin';

/**
 * THE one place AWS Control Tower findings are accepted (docs/delivery.md, "Control Tower
 * controls"). Two kinds, each with its reason:
 *
 * 1. CONTROL_SUPPRESSIONS: a control that cannot apply to one resource, acknowledged on that
 *    resource only. Entries with a config condition (`when`) name choices that only dev or staging
 *    may make: the prod config validation rejects each of them, so none applies to prod.
 * 2. CROSS_STACK_REFERENCES: controls whose check only accepts a literal or a same-template
 *    reference. A finding on such a control is accepted only when the value is a cross-stack
 *    reference that leads to a resource of the required type (ControlTowerChecks follows it).
 */

/** A control accepted for one kind of resource. */
export interface ControlSuppression {
  /** Control id, e.g. `CT.S3.PR.2`. */
  readonly control: string;
  /** The resource, as a construct path inside the stage (`Data/AccessLogs/Bucket/Resource`). */
  readonly path: string;
  /** Only when the environment's config makes this choice; undefined: always. */
  readonly when?: (config: EnvironmentConfig) => boolean;
  /** Why the control cannot apply there. */
  readonly reason: string;
}

const ACCESS_LOG_BUCKET = 'Data/AccessLogs/Bucket/Resource';
const ONE_YEAR_DAYS = 365;

export const CONTROL_SUPPRESSIONS: readonly ControlSuppression[] = [
  {
    control: 'CT.S3.PR.2',
    path: ACCESS_LOG_BUCKET,
    reason: 'This bucket is the server-access-log destination of the data bucket; logging it into itself would loop.',
  },
  {
    control: 'CT.S3.PR.9',
    path: ACCESS_LOG_BUCKET,
    reason: 'S3 does not accept a bucket with Object Lock as a server-access-log destination.',
  },
  {
    control: 'CT.S3.PR.10',
    path: ACCESS_LOG_BUCKET,
    reason: 'ALB access logging writes only to SSE-S3 buckets (not SSE-KMS); the bucket holds access logs, never registry data.',
  },
  {
    control: 'CT.LAMBDA.PR.3',
    path: 'Network/Custom::VpcRestrictDefaultSGCustomResourceProvider/Handler',
    reason:
      'CDK-owned provider (no VPC option) that removes every rule from the VPC default security group; it only calls the EC2 API once per deploy.',
  },
  {
    control: 'CT.LAMBDA.PR.3',
    path: 'Data/Custom::S3AutoDeleteObjectsCustomResourceProvider/Handler',
    when: (config) => config.data.removalPolicy === 'destroy',
    reason: 'data.removalPolicy destroy (dev only): CDK-owned provider (no VPC option) that empties the buckets when the stack is deleted.',
  },
  {
    control: 'CT.ELASTICLOADBALANCING.PR.1',
    path: 'Registry/Alb/LoadBalancer/Http/Resource',
    when: (config) => config.endpoint.certificateArn === undefined,
    reason: 'No endpoint.certificateArn (dev only; staging and prod require one): the HTTP listener is the only listener.',
  },
  {
    control: 'CT.ECS.PR.6',
    path: 'Registry/Task/TaskDefinition/Resource',
    when: (config) => config.service.enableExecuteCommand,
    reason:
      'service.enableExecuteCommand (dev only; prod refuses it): ECS Exec needs a writable root filesystem for its agent, so the registry container keeps one while it is on.',
  },
  {
    control: 'CT.ELASTICLOADBALANCING.PR.5',
    path: 'Registry/Alb/LoadBalancer/Resource',
    when: (config) => !config.endpoint.deletionProtection,
    reason: 'endpoint.deletionProtection is off by config (dev; prod requires it) so the environment can be torn down.',
  },
];

/** Log groups kept shorter than a year by config (dev and staging); a predicate rather than a path: every log group of the stage. */
const SHORT_LOG_RETENTION = {
  control: 'CT.CLOUDWATCH.PR.2',
  reason: 'Log retention is a per-environment config choice (service.logRetentionDays and the like); prod keeps a year.',
};

export const CROSS_STACK_REFERENCES: readonly CrossStackReferenceCheck[] = [
  {
    control: 'CT.CLOUDWATCH.PR.3',
    references: (p) => (p.KmsKeyId === undefined ? undefined : [{ value: p.KmsKeyId, type: 'AWS::KMS::Key' }]),
    reason: 'Log groups outside the Data stack (the Registry stack) use the environment key of the Data stack (Fn::ImportValue).',
  },
  {
    control: 'CT.LAMBDA.PR.3',
    references: (p) => {
      const vpc = p.VpcConfig as { SubnetIds?: unknown; SecurityGroupIds?: unknown } | undefined;
      if (!vpc || !Array.isArray(vpc.SubnetIds) || !Array.isArray(vpc.SecurityGroupIds)) return undefined;
      return [
        ...vpc.SubnetIds.map((value: unknown) => ({ value, type: 'AWS::EC2::Subnet' })),
        ...vpc.SecurityGroupIds.map((value: unknown) => ({ value, type: 'AWS::EC2::SecurityGroup' })),
      ];
    },
    reason: "Functions run in the private subnets of the Network stack's VPC (Fn::ImportValue).",
  },
  {
    control: 'CT.ELASTICLOADBALANCING.PR.6',
    references: (p) => {
      const attributes = (p.LoadBalancerAttributes ?? []) as { Key?: string; Value?: unknown }[];
      const enabled = attributes.find((a) => a.Key === 'access_logs.s3.enabled')?.Value;
      const bucket = attributes.find((a) => a.Key === 'access_logs.s3.bucket');
      return String(enabled) === 'true' && bucket ? [{ value: bucket.Value, type: 'AWS::S3::Bucket' }] : undefined;
    },
    reason: 'The load balancer logs to the access-log bucket of the Data stack (Fn::ImportValue).',
  },
];

/** The acknowledgement id of a control finding: `control-tower::CT.S3.PR.2`. */
export function controlFindingId(control: string): string {
  return `${CONTROL_TOWER_PLUGIN_NAME}::${control}`;
}

/**
 * Acknowledges the CONTROL_SUPPRESSIONS that apply to `stage` (on exactly the named resources)
 * and the short-retention log groups. Throws when a path names nothing, so a renamed construct
 * cannot leave a stale suppression behind.
 */
export function applyControlTowerSuppressions(stage: Stage, config: EnvironmentConfig): void {
  for (const suppression of CONTROL_SUPPRESSIONS) {
    if (suppression.when && !suppression.when(config)) continue;
    const resource = findByPath(stage, suppression.path);
    if (!resource) throw new Error(`Control Tower suppression ${suppression.control}: nothing at ${stage.stageName}/${suppression.path}`);
    acknowledgeControl(resource, suppression.control, suppression.reason);
  }
  for (const construct of stage.node.findAll()) {
    if (
      construct instanceof logs.CfnLogGroup &&
      typeof construct.retentionInDays === 'number' &&
      construct.retentionInDays < ONE_YEAR_DAYS
    ) {
      acknowledgeControl(construct, SHORT_LOG_RETENTION.control, SHORT_LOG_RETENTION.reason);
    }
  }
}

function acknowledgeControl(resource: IConstruct, control: string, reason: string): void {
  if (!CfnResource.isCfnResource(resource))
    throw new Error(`Control Tower suppression ${control}: ${resource.node.path} is not a resource`);
  Validations.of(resource).acknowledge({ id: controlFindingId(control), reason });
}

function findByPath(stage: Stage, stagePath: string): IConstruct | undefined {
  const full = `${stage.node.path}/${stagePath}`;
  return stage.node.findAll().find((c) => c.node.path === full);
}
