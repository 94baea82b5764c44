import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/**
 * Registers the cdk-nag AwsSolutions pack so every synth of `scope` is checked; any
 * unacknowledged finding (error or warning) fails the synth.
 */
export function addNagChecks(scope: IConstruct): void {
  Validations.of(scope).addPlugins(new AwsSolutionsChecks(scope));
}
