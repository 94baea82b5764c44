import { CfnParameter, CfnRule, Fn, type ICfnRuleConditionExpression, Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';

export interface TaskCountParametersProps {
  /** Default of `MinTasks` (config `service.minTasks`). */
  readonly minTasks: number;
  /** Default of `MaxTasks` (config `service.maxTasks`). */
  readonly maxTasks: number;
  /** Lowest allowed `MinTasks` (2 in prod: one task or AZ may fail). */
  readonly floor: number;
  /** Highest allowed value of either parameter. */
  readonly limit: number;
}

/** Logical ids of the parameters: `cdk deploy 'Prod/*' --parameters Prod/Registry:MinTasks=4`. */
export const TASK_COUNT_PARAMETERS = { min: 'MinTasks', max: 'MaxTasks' } as const;
/** Logical id of the rule that keeps MinTasks at most MaxTasks. */
export const TASK_COUNT_RULE_ID = 'MinTasksAtMostMaxTasks';

/**
 * The service's autoscaling bounds as stack parameters, so sizing changes at deploy time without a
 * code change. Defaults come from the config; the template constrains each value (whole numbers in
 * [floor, limit]) and a rule rejects `MinTasks` above `MaxTasks` before anything is updated.
 * CloudFormation rules cannot compare numbers, so the rule lists the allowed `MinTasks` values for
 * each `MaxTasks` value; anything it does not list (e.g. `4.0`) is rejected.
 */
export class TaskCountParameters extends Construct {
  readonly minTasksParameter: CfnParameter;
  readonly maxTasksParameter: CfnParameter;
  /** `MinTasks` as a number token (the scalable target's MinCapacity, the monitoring threshold). */
  readonly minTasks: number;
  /** `MaxTasks` as a number token. */
  readonly maxTasks: number;

  constructor(scope: Construct, id: string, props: TaskCountParametersProps) {
    super(scope, id);
    // At stack level, so the logical ids are exactly MinTasks/MaxTasks (what --parameters names).
    const stack = Stack.of(this);
    const command = `cdk deploy '${stack.node.path.split('/')[0]}/*' --parameters ${stack.node.path}:`;
    const parameter = (bound: 'min' | 'max', defaultValue: number) =>
      new CfnParameter(stack, TASK_COUNT_PARAMETERS[bound], {
        type: 'Number',
        default: defaultValue,
        minValue: props.floor,
        maxValue: props.limit,
        description:
          `${bound === 'min' ? 'Lower' : 'Upper'} bound of the registry's task autoscaling (default: service.${bound}Tasks in lib/config). ` +
          `Set with ${command}${TASK_COUNT_PARAMETERS[bound]}=<n>`,
        constraintDescription: `must be a whole number from ${props.floor} to ${props.limit}`,
      });
    this.minTasksParameter = parameter('min', props.minTasks);
    this.maxTasksParameter = parameter('max', props.maxTasks);
    new CfnRule(stack, TASK_COUNT_RULE_ID, {
      assertions: [
        {
          assert: minAtMostMax(this.minTasksParameter.valueAsString, this.maxTasksParameter.valueAsString, props.floor, props.limit),
          assertDescription: `MinTasks must be a whole number no greater than MaxTasks (both from ${props.floor} to ${props.limit})`,
        },
      ],
    });
    this.minTasks = this.minTasksParameter.valueAsNumber;
    this.maxTasks = this.maxTasksParameter.valueAsNumber;
  }
}

/** `min <= max` for whole numbers in [floor, limit], written with the functions rules allow. */
function minAtMostMax(min: string, max: string, floor: number, limit: number): ICfnRuleConditionExpression {
  const cases: ICfnRuleConditionExpression[] = [];
  for (let m = floor; m <= limit; m++) {
    const allowedMins = Array.from({ length: m - floor + 1 }, (_, i) => String(floor + i));
    cases.push(Fn.conditionAnd(Fn.conditionEquals(max, String(m)), Fn.conditionContains(allowedMins, min)));
  }
  return anyOf(cases);
}

/** Fn::Or takes 2 to 10 conditions: nest larger lists. */
function anyOf(conditions: ICfnRuleConditionExpression[]): ICfnRuleConditionExpression {
  if (conditions.length === 1) return conditions[0];
  if (conditions.length <= 10) return Fn.conditionOr(...conditions);
  const groups: ICfnRuleConditionExpression[] = [];
  for (let i = 0; i < conditions.length; i += 10) groups.push(anyOf(conditions.slice(i, i + 10)));
  return anyOf(groups);
}
