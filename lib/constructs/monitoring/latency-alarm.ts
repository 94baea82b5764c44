import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { createEnvAlarm } from './alarm-context';
import { serviceEvaluation, type ServiceAlarmProps } from './service-alarm-props';

/** `<prefix>-P99Latency`: the slowest 1% of requests are slower than the threshold. */
export class LatencyAlarm extends Construct {
  readonly alarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: ServiceAlarmProps) {
    super(scope, id);
    this.alarm = createEnvAlarm(this, 'Alarm', props.context, {
      nameSuffix: 'P99Latency',
      description:
        `p99 target response time is above ${props.config.p99LatencyMs} ms. ` +
        'First check: task CPU/memory and JVM GC in the logs; then Kafka latency (writes wait for _schemas).',
      metric: props.metrics.responseTime('p99'),
      // TargetResponseTime is reported in seconds.
      threshold: props.config.p99LatencyMs / 1000,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      ...serviceEvaluation(props.config),
      // The metric exists only for minutes with requests; idle is not slow.
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
  }
}
