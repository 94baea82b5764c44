import { DescribeTasksCommand, type ECSClient, RunTaskCommand, StopTaskCommand, type Task } from '@aws-sdk/client-ecs';
import { awsError, RemoteError } from './errors';
import type { MigrationStack } from './stack-outputs';

/** Marks tasks `remote` started (ECS `startedBy`, shown in the console and by `aws ecs list-tasks --started-by`). */
export const STARTED_BY = 'sr-migrate-remote';

/** Starts the migration task with `command` as the container's command; resolves to the task as ECS created it. */
export async function startTask(ecs: ECSClient, stack: MigrationStack, command: readonly string[]): Promise<Task & { taskArn: string }> {
  let answer;
  try {
    answer = await ecs.send(
      new RunTaskCommand({
        cluster: stack.clusterArn,
        taskDefinition: stack.taskDefinitionArn,
        count: 1,
        // On-demand capacity: a cut-over must not be reclaimed like a Spot task.
        launchType: 'FARGATE',
        platformVersion: stack.platformVersion,
        networkConfiguration: {
          awsvpcConfiguration: { subnets: [...stack.subnetIds], securityGroups: [stack.securityGroupId], assignPublicIp: 'DISABLED' },
        },
        overrides: { containerOverrides: [{ name: stack.containerName, command: [...command] }] },
        startedBy: STARTED_BY,
        propagateTags: 'TASK_DEFINITION',
      }),
    );
  } catch (error) {
    throw startError(awsError(error, `ecs:RunTask in ${stack.clusterArn}`).message);
  }
  const task = answer.tasks?.[0];
  if (!task?.taskArn) {
    const failure = answer.failures?.[0];
    const reason = failure ? [failure.reason, failure.detail].filter(Boolean).join(': ') : 'ECS returned no task and no reason';
    throw startError(reason);
  }
  return task as Task & { taskArn: string };
}

function startError(reason: string): RemoteError {
  return new RemoteError(`the migration task did not start: ${reason}`);
}

/** The task as ECS describes it now. */
export async function describeTask(ecs: ECSClient, cluster: string, taskArn: string): Promise<Task> {
  let answer;
  try {
    answer = await ecs.send(new DescribeTasksCommand({ cluster, tasks: [taskArn] }));
  } catch (error) {
    throw awsError(error, `ecs:DescribeTasks for ${taskArn}`);
  }
  const task = answer.tasks?.[0];
  if (!task) throw new RemoteError(`ECS no longer knows task ${taskArn} (${answer.failures?.[0]?.reason ?? 'no reason given'})`);
  return task;
}

/** Asks ECS to stop the task (SIGTERM to the CLI, SIGKILL after the stop timeout). */
export async function stopTask(ecs: ECSClient, cluster: string, taskArn: string, reason: string): Promise<void> {
  try {
    await ecs.send(new StopTaskCommand({ cluster, task: taskArn, reason }));
  } catch (error) {
    throw awsError(error, `ecs:StopTask for ${taskArn}`);
  }
}

/** The last part of a task ARN. */
export function taskId(taskArn: string): string {
  return taskArn.slice(taskArn.lastIndexOf('/') + 1);
}

/**
 * How a stopped task ended: the container's exit code, or why ECS stopped it before the
 * command could finish (image pull, network, capacity: no exit code then).
 */
export function taskOutcome(task: Task, containerName: string): { exitCode: number } | { error: string } {
  const container = task.containers?.find((c) => c.name === containerName) ?? task.containers?.[0];
  if (container?.exitCode !== undefined && container.exitCode !== null) return { exitCode: container.exitCode };
  const reasons = [task.stoppedReason, container?.reason].filter(Boolean).join('; ');
  return {
    error: `ECS stopped the migration task before the command finished${task.stopCode ? ` (${task.stopCode})` : ''}: ${reasons || 'no reason given'}`,
  };
}
