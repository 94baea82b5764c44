import { Annotations, Aws, CfnRule, Fn } from 'aws-cdk-lib';
import { Construct } from 'constructs';

export interface ExampleEndpointGuardProps {
  /** Environment whose config still holds example values. */
  readonly environmentName: string;
  /** The `endpoint` fields holding them (`exampleEndpointFields`). */
  readonly fields: readonly string[];
}

/** What to do, in the words a synth warning and a failed deploy both show. */
export function exampleEndpointMessage(environmentName: string, fields: readonly string[]): string {
  return (
    `${environmentName}: ${fields.join(', ')} still hold the committed EXAMPLE values, so this environment cannot be deployed. ` +
    `Set your ACM certificate ARN and Route 53 zone (the certificate must cover the record name) for ${environmentName} in ` +
    `lib/config/environments.ts, or pass -c ${environmentName}.endpoint.certificateArn=... -c ${environmentName}.endpoint.dns='{...}' ` +
    '(README, "Before the first deploy").'
  );
}

/**
 * Lets `cdk synth` of a fresh clone succeed while no deploy can go ahead with example endpoint
 * values: a CloudFormation rule whose assertion never holds (the region is never that string), so
 * the stack's create or update fails before any resource is touched, with the fix as its message.
 * Synth shows the same text as a warning.
 */
export class ExampleEndpointGuard extends Construct {
  readonly rule: CfnRule;

  constructor(scope: Construct, id: string, props: ExampleEndpointGuardProps) {
    super(scope, id);
    const message = exampleEndpointMessage(props.environmentName, props.fields);
    this.rule = new CfnRule(this, 'Rule', {
      assertions: [{ assert: Fn.conditionEquals(Aws.REGION, 'example-endpoint-values-replaced'), assertDescription: message }],
    });
    Annotations.of(this).addWarningV2('schema-registry:exampleEndpoint', message);
  }
}
