import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { createEnvAlarm } from './alarm-context';
import { serviceEvaluation, type ServiceAlarmProps } from './service-alarm-props';

/** `<prefix>-5xxRate`: too large a share of requests fail with a 5xx. */
export class ErrorRateAlarm extends Construct {
  readonly alarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: ServiceAlarmProps) {
    super(scope, id);
    this.alarm = createEnvAlarm(this, 'Alarm', props.context, {
      nameSuffix: '5xxRate',
      description:
        `More than ${props.config.fiveXxRatePercent}% of requests end in a 5xx (load balancer + registry). ` +
        'First check: the registry container logs and the Kafka (_schemas) connectivity; then healthy hosts.',
      metric: props.metrics.fiveXxRatePercent(),
      threshold: props.config.fiveXxRatePercent,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      ...serviceEvaluation(props.config),
      // No traffic means no failing traffic (the expression already yields 0 then).
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
  }
}
