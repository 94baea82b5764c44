import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as cr from 'aws-cdk-lib/custom-resources';
import { acknowledge, wildcardResourceFindingId } from '../../nag/acknowledge';

/**
 * Acknowledges the cdk-nag findings on a CDK-generated `custom_resources.Provider` framework
 * (its functions, roles and waiter state machine), which the seeding construct does not author.
 * `handlers` are the user functions the framework drives (onEvent and isComplete).
 */
export function acknowledgeProviderFindings(provider: cr.Provider, handlers: readonly lambda.IFunction[]): void {
  acknowledge(provider, {
    id: 'AwsSolutions-L1',
    reason:
      'The Provider framework functions use the runtime CDK picks for its bundled handler (determineLatestNodeRuntime, aws/aws-cdk#36269); our own seeding functions use nodejs24.x.',
  });
  acknowledge(provider, {
    id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    reason:
      'AWS managed policy the Provider framework gives its own functions for writing their logs; it allows only CloudWatch Logs writes.',
  });
  acknowledge(provider, {
    id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole]',
    reason:
      'AWS managed policy that lets Lambda create and delete the network interfaces of the framework functions, which run in the VPC like every function of the environment.',
  });
  // The framework may invoke any version of the functions it drives (grantInvoke adds `<arn>:*`).
  const frameworkFunctions = ['framework-isComplete', 'framework-onTimeout'].map((id) => provider.node.findChild(id) as lambda.IFunction);
  for (const fn of [...handlers, ...frameworkFunctions]) {
    acknowledge(provider, {
      id: wildcardResourceFindingId(provider, `${fn.functionArn}:*`),
      reason:
        'The Provider framework invokes this function, including its versions and aliases (lambda:InvokeFunction on <arn>:*); no other function.',
    });
  }
  acknowledge(provider.node.findChild('waiter-state-machine'), {
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason:
      'Step Functions log delivery to CloudWatch Logs (logs:CreateLogDelivery, PutResourcePolicy, DescribeLogGroups and related) and ' +
      'X-Ray trace delivery (xray:PutTraceSegments and related) support only Resource "*"; they are what SF1 logging and SF2 tracing require.',
  });
}
