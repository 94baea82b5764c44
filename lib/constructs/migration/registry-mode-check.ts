import * as path from 'node:path';
import { Duration } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { MIGRATION_METRIC_NAMESPACE } from '../../../lambda/contracts/migration-metrics';
import { REGISTRY_ACCESS_ENV } from '../../../lambda/contracts/registry-access';
import { acknowledge } from '../../nag/acknowledge';
import {
  grantAdminSecretRead,
  RegistryClientFunction,
  type RegistryAccessProps,
  registryAccessEnvironment,
  registryAccessProblems,
  registryFunctionProps,
} from '../registry-access';
import { throwIfInvalidProps } from '../shared/invalid-props';

const MODE_CHECK_HANDLER = path.join(__dirname, '..', '..', '..', 'lambda', 'handlers', 'mode-check.ts');
/** The check reads one mode per scope and holds nothing large. */
const MODE_CHECK_MEMORY_MB = 256;

export interface RegistryModeCheckProps extends RegistryAccessProps {
  /** Environment name: the metric's `Environment` dimension. */
  readonly envName: string;
  /** Minutes between two checks (1 to 60). */
  readonly intervalMinutes: number;
}

/**
 * The scheduled mode check of the new registry (docs/monitoring.md "Migration alarms"): every
 * `intervalMinutes` a registry-access Lambda counts the scopes in IMPORT or READONLY and
 * publishes `SchemaRegistry/Migration ScopesInImportOrReadOnly` for the environment
 * (lambda/handlers/mode-check.ts). The Monitoring stack alarms on it.
 */
export class RegistryModeCheck extends Construct {
  readonly checkFunction: RegistryClientFunction;
  readonly rule: events.Rule;
  readonly intervalMinutes: number;

  constructor(scope: Construct, id: string, props: RegistryModeCheckProps) {
    super(scope, id);
    throwIfInvalidProps(this, 'RegistryModeCheck', [
      ...registryAccessProblems(props),
      ...(/^[a-z][a-z0-9-]*$/.test(props.envName) ? [] : [`envName must be lowercase letters, digits and '-', got '${props.envName}'`]),
      ...(Number.isInteger(props.intervalMinutes) && props.intervalMinutes >= 1 && props.intervalMinutes <= 60
        ? []
        : [`intervalMinutes must be a whole number from 1 to 60, got ${props.intervalMinutes}`]),
    ]);
    this.intervalMinutes = props.intervalMinutes;

    this.checkFunction = new RegistryClientFunction(this, 'Function', {
      ...registryFunctionProps(props),
      memorySize: props.memorySize ?? MODE_CHECK_MEMORY_MB,
      entry: MODE_CHECK_HANDLER,
      handler: 'handler',
      description: `Schema Registry mode check (${props.envName})`,
      // A run never overlaps the next one.
      timeout: Duration.minutes(Math.min(5, props.intervalMinutes)),
      environment: { ...registryAccessEnvironment(props), [REGISTRY_ACCESS_ENV.envName]: props.envName },
    });
    const fn = this.checkFunction.function;
    grantAdminSecretRead(fn, props);
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['cloudwatch:PutMetricData'],
        resources: ['*'],
        conditions: { StringEquals: { 'cloudwatch:namespace': MIGRATION_METRIC_NAMESPACE } },
      }),
    );
    acknowledge(fn, {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'cloudwatch:PutMetricData has no resource-level permissions; the statement is limited to the SchemaRegistry/Migration namespace by a cloudwatch:namespace condition.',
    });

    this.rule = new events.Rule(this, 'Schedule', {
      description: `Schema Registry mode check (${props.envName}) every ${props.intervalMinutes} minutes`,
      schedule: events.Schedule.rate(Duration.minutes(props.intervalMinutes)),
      // The next run comes soon; a stale run would only publish an old answer.
      targets: [new targets.LambdaFunction(fn, { retryAttempts: 0, maxEventAge: Duration.minutes(Math.max(1, props.intervalMinutes)) })],
    });
  }
}
