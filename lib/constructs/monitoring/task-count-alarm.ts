import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { createEnvAlarm } from './alarm-context';
import { serviceEvaluation, type ServiceAlarmProps } from './service-alarm-props';

/**
 * `<prefix>-RunningTasksBelowDesired`: ECS cannot keep the desired number of tasks running
 * (Container Insights DesiredTaskCount − RunningTaskCount > 0). Compared with the live desired
 * count, so autoscaling changes never need a threshold update.
 */
export class TaskCountAlarm extends Construct {
  readonly alarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: ServiceAlarmProps) {
    super(scope, id);
    this.alarm = createEnvAlarm(this, 'Alarm', props.context, {
      nameSuffix: 'RunningTasksBelowDesired',
      description:
        'Fewer registry tasks are running than the service wants. ' +
        'First check: ECS service events and stopped-task reasons (image pull, secrets, OOM, Spot reclaim).',
      metric: props.metrics.tasksBelowDesired(),
      threshold: 0,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      ...serviceEvaluation(props.config),
      // Container Insights reports every minute while the service exists; silence means
      // Container Insights is off or the service is gone, which must not look healthy.
      treatMissingData: cloudwatch.TreatMissingData.BREACHING,
    });
  }
}
