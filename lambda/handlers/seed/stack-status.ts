import { DescribeStacksCommand, type CloudFormationClient } from '@aws-sdk/client-cloudformation';

/**
 * True while CloudFormation rolls the stack back after a failed update. A rollback Update
 * carries the previous properties (the older export); importing that into a target that
 * already holds part of the newer one would be refused as a conflict, and a failing rollback
 * leaves the stack in UPDATE_ROLLBACK_FAILED. Seeded schemas are data, so a rollback keeps them.
 */
export async function isStackRollingBack(cloudformation: CloudFormationClient, stackId: string): Promise<boolean> {
  const answer = await cloudformation.send(new DescribeStacksCommand({ StackName: stackId }));
  return answer.Stacks?.[0]?.StackStatus === 'UPDATE_ROLLBACK_IN_PROGRESS';
}
