import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { createEnvAlarm } from './alarm-context';
import { serviceEvaluation, type ServiceAlarmProps } from './service-alarm-props';

/** `<prefix>-CpuHigh` and `<prefix>-MemoryHigh`: the tasks run close to their reserved size. */
export class SaturationAlarms extends Construct {
  readonly cpu: cloudwatch.Alarm;
  readonly memory: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: ServiceAlarmProps) {
    super(scope, id);
    this.cpu = createEnvAlarm(this, 'Cpu', props.context, {
      nameSuffix: 'CpuHigh',
      description:
        `Average registry CPU is above ${props.config.cpuPercent}% of the task size. ` +
        'First check: whether autoscaling is at maxTasks; then request volume and client retry storms.',
      metric: props.metrics.cpuUtilization(),
      threshold: props.config.cpuPercent,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      ...serviceEvaluation(props.config),
      // Saturation needs evidence; missing data is covered by the task-count alarm.
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    this.memory = createEnvAlarm(this, 'Memory', props.context, {
      nameSuffix: 'MemoryHigh',
      description:
        `Average registry memory is above ${props.config.memoryPercent}% of the task size. ` +
        'First check: the JVM heap share and schema count; a task near 100% is OOM-killed.',
      metric: props.metrics.memoryUtilization(),
      threshold: props.config.memoryPercent,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      ...serviceEvaluation(props.config),
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
  }
}
