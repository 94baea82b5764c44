import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';

/** What every alarm of one environment shares: its name prefix and where it notifies. */
export interface AlarmContext {
  /** E.g. `Prod-SchemaRegistry`; alarm names become `<prefix>-<suffix>`. */
  readonly namePrefix: string;
  /** Receives both the ALARM and the OK transition, so responders also learn of recovery. */
  readonly topic: sns.ITopic;
}

/** One alarm, fully specified: nothing is left to CloudWatch defaults. */
export interface EnvAlarmProps {
  /** Appended to the prefix: `5xxRate` gives `Prod-SchemaRegistry-5xxRate`. */
  readonly nameSuffix: string;
  /** What it means and the first thing to check; shown in the notification. */
  readonly description: string;
  readonly metric: cloudwatch.IMetric;
  readonly threshold: number;
  readonly comparisonOperator: cloudwatch.ComparisonOperator;
  readonly evaluationPeriods: number;
  readonly datapointsToAlarm: number;
  /** Explicit for every alarm: silence means something different for each signal. */
  readonly treatMissingData: cloudwatch.TreatMissingData;
}

/**
 * Creates a native CloudWatch alarm named `<prefix>-<suffix>` with alarm and OK actions on
 * the environment's topic.
 *
 * Why native `cloudwatch.Alarm` rather than cdk-monitoring-constructs (evaluated at 10.2, which
 * synthesized fine with our aws-cdk-lib and cdk-nag v3; not a dependency): it lacks 5xx-rate and
 * latency alarms for a hand-built ALB, Lambda-age and EventBridge notifications, and its
 * running-task alarm only checks "too many" tasks against a fixed number, not "running below
 * desired". Using it for the
 * remaining four alarms would mean two naming schemes and two dashboards; one small helper keeps
 * every alarm explicit and directly testable.
 */
export function createEnvAlarm(scope: Construct, id: string, context: AlarmContext, props: EnvAlarmProps): cloudwatch.Alarm {
  const alarm = new cloudwatch.Alarm(scope, id, {
    alarmName: `${context.namePrefix}-${props.nameSuffix}`,
    alarmDescription: props.description,
    metric: props.metric,
    threshold: props.threshold,
    comparisonOperator: props.comparisonOperator,
    evaluationPeriods: props.evaluationPeriods,
    datapointsToAlarm: props.datapointsToAlarm,
    treatMissingData: props.treatMissingData,
    actionsEnabled: true,
  });
  const action = new cloudwatchActions.SnsAction(context.topic);
  alarm.addAlarmAction(action);
  alarm.addOkAction(action);
  return alarm;
}
