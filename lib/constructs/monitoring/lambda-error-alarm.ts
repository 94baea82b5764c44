import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { type AlarmContext, createEnvAlarm } from './alarm-context';

export interface LambdaErrorAlarmProps {
  readonly context: AlarmContext;
  /**
   * The functions whose errors count (e.g. a custom resource's onEvent and isComplete
   * handlers); their error counts are added up.
   */
  readonly functions: readonly lambda.IFunction[];
  /** Names the alarm `<prefix>-<role>Errors`, e.g. `Seed` or `Backup`. */
  readonly role: string;
  /** What the function does and what to look at first, for the notification. */
  readonly description: string;
}

/** Errors are summed over 5 minutes: the seed and backup functions run rarely. */
export const LAMBDA_ERROR_PERIOD = Duration.minutes(5);

/**
 * Sum of `Errors` of all `functions` per period: the plain metric for one function, a
 * FILL-guarded sum for several (a function without errors publishes no datapoint).
 */
export function lambdaErrors(
  functions: readonly lambda.IFunction[],
  period: Duration = LAMBDA_ERROR_PERIOD,
): cloudwatch.Metric | cloudwatch.MathExpression {
  if (functions.length === 0) throw new Error('lambdaErrors: pass at least one function');
  const metrics = functions.map((fn) => fn.metricErrors({ statistic: cloudwatch.Stats.SUM, period }));
  if (metrics.length === 1) return metrics[0];
  return new cloudwatch.MathExpression({
    expression: metrics.map((_, i) => `FILL(errors${i}, 0)`).join(' + '),
    usingMetrics: Object.fromEntries(metrics.map((metric, i) => [`errors${i}`, metric])),
    label: 'Errors',
    period,
  });
}

/**
 * `<prefix>-<role>Errors`: one failed invocation alarms. Unlike the service alarms this uses a
 * fixed 1-of-1 evaluation: the functions run once per deploy or per backup schedule, so
 * "3 of 5 minutes" would never be met and a failed run would go unnoticed.
 */
export class LambdaErrorAlarm extends Construct {
  readonly alarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: LambdaErrorAlarmProps) {
    super(scope, id);
    this.alarm = createEnvAlarm(this, 'Alarm', props.context, {
      nameSuffix: `${props.role}Errors`,
      description: props.description,
      metric: lambdaErrors(props.functions),
      threshold: 0,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      datapointsToAlarm: 1,
      // No invocation means no error; staleness of backups has its own alarm.
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
  }
}
