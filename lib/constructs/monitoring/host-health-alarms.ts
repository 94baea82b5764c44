import { Token, Tokenization } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { throwIfInvalidProps } from '../shared/invalid-props';
import { createEnvAlarm } from './alarm-context';
import { serviceEvaluation, type ServiceAlarmProps } from './service-alarm-props';

export interface HostHealthAlarmsProps extends ServiceAlarmProps {
  /**
   * The service's minimum task count (autoscaling lower bound); fewer healthy targets alarm. May be
   * a token (the Registry stack's `MinTasks` parameter), so the threshold follows a deploy-time override.
   */
  readonly minTaskCount: number;
}

/**
 * Load-balancer view of the tasks: `<prefix>-UnhealthyHosts` (any target failing its health
 * check, sustained) and `<prefix>-HealthyHostsBelowMin` (fewer healthy targets than the minimum
 * task count).
 */
export class HostHealthAlarms extends Construct {
  readonly unhealthyHosts: cloudwatch.Alarm;
  readonly healthyHostsBelowMin: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: HostHealthAlarmsProps) {
    super(scope, id);
    throwIfInvalidProps(this, 'HostHealthAlarms', minTaskCountProblems(props.minTaskCount));
    this.unhealthyHosts = createEnvAlarm(this, 'Unhealthy', props.context, {
      nameSuffix: 'UnhealthyHosts',
      description:
        'At least one registry task keeps failing the load balancer health check. ' +
        'First check: the target group health-check reason in the EC2 console and the task logs.',
      metric: props.metrics.unhealthyHosts(),
      threshold: 0,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      ...serviceEvaluation(props.config),
      // ALB reports the count every minute while targets are registered; absence is not a failure.
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    this.healthyHostsBelowMin = createEnvAlarm(this, 'HealthyBelowMin', props.context, {
      nameSuffix: 'HealthyHostsBelowMin',
      description:
        `Fewer than ${Tokenization.stringifyNumber(props.minTaskCount)} healthy registry targets (the minimum task count). ` +
        'First check: ECS service events (tasks failing to start or being stopped) and the UnhealthyHosts alarm.',
      metric: props.metrics.healthyHosts(),
      threshold: props.minTaskCount,
      comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
      ...serviceEvaluation(props.config),
      // No data means nothing reports healthy: treat it as the outage it most likely is.
      treatMissingData: cloudwatch.TreatMissingData.BREACHING,
    });
  }
}

/** Problems with a minimum task count as the healthy-hosts threshold; [] when valid (a token is checked by its parameter). */
export function minTaskCountProblems(minTaskCount: number, path = 'minTaskCount'): string[] {
  return Token.isUnresolved(minTaskCount) || (Number.isInteger(minTaskCount) && minTaskCount >= 1)
    ? []
    : [`${path} must be a whole number >= 1, got ${minTaskCount}; pass the service's autoscaling lower bound`];
}
