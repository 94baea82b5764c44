import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { ECSClient, type Task } from '@aws-sdk/client-ecs';
import type { StageEnvironment } from '../../lambda/contracts/stack-names';
import { EXIT_OK, type CliIo } from '../io';
import { prepareCommand } from './command-args';
import { RemoteError } from './errors';
import { LogFollower } from './log-follower';
import { readMigrationStack, type MigrationStack } from './stack-outputs';
import { describeTask, startTask, stopTask, taskId, taskOutcome } from './task';

/** Exit code after Ctrl-C (128 + SIGINT), as a shell reports an interrupted command. */
export const EXIT_INTERRUPTED = 130;

export interface RemoteOptions {
  readonly env: StageEnvironment;
  /** @default the SDK's (AWS_REGION, the profile's region) */
  readonly region?: string;
  /** Follow the task to its end (false: start it and return). */
  readonly wait: boolean;
  /** The sr-migrate command line to run in the task. */
  readonly args: readonly string[];
}

/** Clients, clock and signals; tests replace them. */
export interface RemoteDependencies {
  readonly cloudformation?: CloudFormationClient;
  readonly ecs?: ECSClient;
  readonly logs?: CloudWatchLogsClient;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Subscribes to Ctrl-C; returns the unsubscribe. @default process SIGINT */
  readonly onInterrupt?: (handler: () => void) => () => void;
  /** @default 2000 */
  readonly pollIntervalMs?: number;
  readonly now?: () => number;
}

/** Polls after the task stopped, waiting for its last log lines to be ingested. */
const DRAIN_POLLS = 5;
/** Log lines are read from this long before ECS created the task (clock skew). */
const CLOCK_MARGIN_MS = 60_000;

/**
 * `sr-migrate remote`: starts the environment's migration task with `args` as its command
 * (cli/remote/command-args.ts), streams its log to stdout as it arrives, and resolves to the
 * command's exit code. Ctrl-C stops the task (StopTask) and waits for it to end; a second
 * Ctrl-C stops waiting. Status lines go to stderr.
 */
export async function runRemote(options: RemoteOptions, io: CliIo, deps: RemoteDependencies = {}): Promise<number> {
  const config = options.region ? { region: options.region } : {};
  const cloudformation = deps.cloudformation ?? new CloudFormationClient(config);
  const ecs = deps.ecs ?? new ECSClient(config);
  const logs = deps.logs ?? new CloudWatchLogsClient(config);
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = deps.now ?? Date.now;
  const say = (line: string) => void io.stderr.write(`${line}\n`);

  const stack = await readMigrationStack(cloudformation, options.env);
  const command = prepareCommand(options.args, stack, io.env);
  command.notes.forEach(say);

  let interrupts = 0;
  let wake: () => void = () => undefined;
  const unsubscribe = (deps.onInterrupt ?? onProcessInterrupt)(() => {
    interrupts += 1;
    wake();
  });
  try {
    const started = await startTask(ecs, stack, command.args);
    const taskArn = started.taskArn;
    const id = taskId(taskArn);
    const stream = `${stack.logStreamPrefix}/${stack.containerName}/${id}`;
    const followHint = `follow it with: aws logs tail ${stack.logGroupName} --log-stream-names ${stream} --follow`;
    const stopHint = `stop it with: aws ecs stop-task --cluster ${stack.clusterArn} --task ${taskArn}`;
    say(`Started migration task ${id} in ${stack.stackName}: sr-migrate ${command.args.join(' ')}`);
    if (!options.wait && interrupts === 0) {
      say(`Not waiting. ${capitalize(followHint)}`);
      say(capitalize(stopHint));
      io.stdout.write(`${taskArn}\n`);
      return EXIT_OK;
    }
    say(`Its log (${stack.logGroupName}, ${stream}) follows; Ctrl-C stops the task.`);
    // The stream holds this task's lines only; the margin absorbs clock skew between here and ECS.
    const since = (started.createdAt?.getTime() ?? now()) - CLOCK_MARGIN_MS;
    const follower = new LogFollower(logs, stack.logGroupName, stream, (line) => void io.stdout.write(`${line}\n`), since);
    const pause = () => Promise.race([sleep(deps.pollIntervalMs ?? 2000), new Promise<void>((resolve) => (wake = resolve))]);

    let stopRequested = false;
    let lastStatus: string | undefined;
    let task: Task;
    try {
      for (;;) {
        if (interrupts > 0 && !stopRequested) {
          stopRequested = true;
          say(`Ctrl-C: stopping migration task ${id} (StopTask); waiting for it to end. Ctrl-C again to stop waiting.`);
          await stopTask(ecs, stack.clusterArn, taskArn, 'Stopped by sr-migrate remote (Ctrl-C)');
        }
        if (interrupts > 1) {
          say(`Not waiting for task ${id} to end; it is stopping.`);
          return EXIT_INTERRUPTED;
        }
        await follower.poll();
        task = await describeTask(ecs, stack.clusterArn, taskArn);
        if (task.lastStatus !== lastStatus) {
          lastStatus = task.lastStatus;
          if (lastStatus !== 'STOPPED') say(`Task ${id}: ${lastStatus}`);
        }
        if (lastStatus === 'STOPPED') break;
        await pause();
      }
      await drainLogs(follower, sleep, deps.pollIntervalMs ?? 2000);
    } catch (error) {
      // Losing sight of the task does not stop it: say how to find it again.
      const reason = error instanceof Error ? error.message : String(error);
      throw new RemoteError(`${reason}; migration task ${id} may still be running: ${followHint}, or ${stopHint}`);
    }
    return finish(task, stack, id, stopRequested, say);
  } finally {
    unsubscribe();
  }
}

/** After the stop, a few more polls: the last lines can reach CloudWatch Logs seconds later. */
async function drainLogs(follower: LogFollower, sleep: (ms: number) => Promise<void>, intervalMs: number): Promise<void> {
  let quiet = 0;
  for (let i = 0; i < DRAIN_POLLS && quiet < 2; i++) {
    await sleep(Math.min(intervalMs, 1000));
    quiet = (await follower.poll()) === 0 ? quiet + 1 : 0;
  }
}

function finish(task: Task, stack: MigrationStack, id: string, interrupted: boolean, say: (line: string) => void): number {
  const outcome = taskOutcome(task, stack.containerName);
  if (interrupted) {
    say(`Migration task ${id} stopped after Ctrl-C${'exitCode' in outcome ? ` (the command exited with ${outcome.exitCode})` : ''}.`);
    return EXIT_INTERRUPTED;
  }
  if ('error' in outcome) throw new RemoteError(outcome.error);
  if (task.stopCode && task.stopCode !== 'EssentialContainerExited') {
    say(`Migration task ${id} was stopped: ${task.stopCode}${task.stoppedReason ? `: ${task.stoppedReason}` : ''}`);
  }
  say(`Migration task ${id} exited with code ${outcome.exitCode}.`);
  return outcome.exitCode;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function onProcessInterrupt(handler: () => void): () => void {
  process.on('SIGINT', handler);
  return () => void process.off('SIGINT', handler);
}
