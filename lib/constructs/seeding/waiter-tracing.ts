import * as iam from 'aws-cdk-lib/aws-iam';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import type * as cr from 'aws-cdk-lib/custom-resources';

/**
 * Turns on AWS X-Ray tracing for the Provider framework's waiter state machine (Control Tower
 * CT.STEPFUNCTIONS.PR.2, cdk-nag SF2): the Provider has no option for it, so it is set on the
 * state machine resource, and its role may send traces.
 */
export function traceWaiterStateMachine(provider: cr.Provider): void {
  const waiter = provider.node.findChild('waiter-state-machine');
  const machine = waiter.node.findChild('Resource');
  const role = waiter.node.findChild('Role');
  if (!(machine instanceof sfn.CfnStateMachine) || !(role instanceof iam.Role)) {
    throw new Error(`traceWaiterStateMachine: ${waiter.node.path} no longer has the Resource and Role this code expects`);
  }
  machine.tracingConfiguration = { enabled: true };
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'xray:GetSamplingRules', 'xray:GetSamplingTargets'],
      resources: ['*'],
    }),
  );
}
