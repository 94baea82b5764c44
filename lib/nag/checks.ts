import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { ControlTowerChecks } from './control-tower/plugin';
import { CROSS_STACK_REFERENCES } from './control-tower-suppressions';

/**
 * Registers the cdk-nag AwsSolutions pack so every synth of `scope` is checked; any
 * unacknowledged finding (error or warning) fails the synth.
 */
export function addNagChecks(scope: IConstruct): void {
  Validations.of(scope).addPlugins(new AwsSolutionsChecks(scope));
}

/**
 * Registers the AWS Control Tower proactive controls (cfn-guard): any finding not accepted in
 * lib/nag/control-tower-suppressions.ts fails the synth. The tests always run them; `cdk synth`
 * only with `-c controlTower=true` (they add a few seconds of cfn-guard to every synth).
 */
export function addControlTowerChecks(scope: IConstruct): void {
  Validations.of(scope).addPlugins(new ControlTowerChecks({ crossStackReferences: CROSS_STACK_REFERENCES }));
}
