import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { CloudWatchLogsClient, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DescribeTasksCommand, ECSClient, RunTaskCommand, StopTaskCommand, type Task } from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { runCli } from '../../../cli';
import { EXIT_INTERRUPTED, runRemote, type RemoteDependencies } from '../../../cli/remote';
import { ADMIN_SECRET, awsException, CLUSTER, LOG_GROUP, REGISTRY_URL, STREAM, TASK_ARN, TASK_DEFINITION, stackOutputs } from './fixture';

const cfn = mockClient(CloudFormationClient);
const ecs = mockClient(ECSClient);
const logs = mockClient(CloudWatchLogsClient);

const REGION = 'eu-west-1';
const CUTOVER = ['cutover', '--source', 'https://old-sr:443', '--target', '{target}'];

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `runRemote` with clients in eu-west-1, no real waiting, and a Ctrl-C the test can press. */
async function remote(
  args: readonly string[],
  options: { wait?: boolean; env?: NodeJS.ProcessEnv } = {},
): Promise<Run & { error?: Error }> {
  let stdout = '';
  let stderr = '';
  const deps: RemoteDependencies = {
    cloudformation: new CloudFormationClient({ region: REGION }),
    ecs: new ECSClient({ region: REGION }),
    logs: new CloudWatchLogsClient({ region: REGION }),
    sleep: async () => undefined,
    onInterrupt: (handler) => {
      pressCtrlC = handler;
      return () => (pressCtrlC = undefined);
    },
    now: () => 1_000,
  };
  const io = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, env: options.env ?? {} };
  try {
    const code = await runRemote({ env: 'prod', region: REGION, wait: options.wait ?? true, args }, io, deps);
    return { code, stdout, stderr };
  } catch (error) {
    return { code: -1, stdout, stderr, error: error as Error };
  }
}

let pressCtrlC: (() => void) | undefined;

function task(status: string, extra: Partial<Task> = {}): Task {
  return { taskArn: TASK_ARN, lastStatus: status, ...extra };
}
function stopped(exitCode: number | undefined, extra: Partial<Task> = {}): Task {
  return task('STOPPED', {
    stopCode: 'EssentialContainerExited',
    containers: [{ name: 'sr-migrate', ...(exitCode === undefined ? {} : { exitCode }) }],
    ...extra,
  });
}
function event(eventId: string, timestamp: number, message: string, logStreamName = STREAM) {
  return { eventId, timestamp, message: `${message}\n`, logStreamName };
}

beforeEach(() => {
  cfn.reset();
  ecs.reset();
  logs.reset();
  pressCtrlC = undefined;
  cfn.on(DescribeStacksCommand, { StackName: 'Prod-Registry' }).resolves({
    Stacks: [{ StackName: 'Prod-Registry', StackStatus: 'UPDATE_COMPLETE', CreationTime: new Date(), Outputs: stackOutputs() }],
  });
  ecs.on(RunTaskCommand).resolves({ tasks: [task('PROVISIONING')], failures: [] });
  ecs.on(StopTaskCommand).resolves({});
  logs.on(FilterLogEventsCommand).resolves({ events: [] });
});

afterAll(() => {
  cfn.restore();
  ecs.restore();
  logs.restore();
});

describe('starting the task', () => {
  test('RunTask: the stack outputs give cluster, task definition, network and platform; the command is overridden', async () => {
    ecs.on(DescribeTasksCommand).resolves({ tasks: [stopped(0)] });
    const run = await remote(CUTOVER);
    expect(run.code).toBe(0);
    const calls = ecs.commandCalls(RunTaskCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0].args[0].input).toEqual({
      cluster: CLUSTER,
      taskDefinition: TASK_DEFINITION,
      count: 1,
      launchType: 'FARGATE',
      platformVersion: 'LATEST',
      networkConfiguration: {
        awsvpcConfiguration: {
          subnets: ['subnet-0aaa', 'subnet-0bbb', 'subnet-0ccc'],
          securityGroups: ['sg-0123456789abcdef0'],
          assignPublicIp: 'DISABLED',
        },
      },
      overrides: {
        containerOverrides: [
          {
            name: 'sr-migrate',
            command: ['cutover', '--source', 'https://old-sr:443', '--target', REGISTRY_URL, '--target-secret-arn', ADMIN_SECRET],
          },
        ],
      },
      startedBy: 'sr-migrate-remote',
      propagateTags: 'TASK_DEFINITION',
    });
  });

  test('the overrides carry secret ARNs only, never a secret value', async () => {
    ecs.on(DescribeTasksCommand).resolves({ tasks: [stopped(0)] });
    await remote(CUTOVER, { env: { SR_SOURCE_AUTH: 'bob:hunter2', SR_TARGET_TOKEN: 'tok-123' } });
    const input = JSON.stringify(ecs.commandCalls(RunTaskCommand)[0].args[0].input);
    expect(input).not.toContain('hunter2');
    expect(input).not.toContain('tok-123');
  });

  test('--no-wait prints the task ARN and how to follow and stop it, and returns 0', async () => {
    const run = await remote(CUTOVER, { wait: false });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${TASK_ARN}\n`);
    expect(run.stderr).toContain(`aws logs tail ${LOG_GROUP} --log-stream-names ${STREAM} --follow`);
    expect(run.stderr).toContain(`aws ecs stop-task --cluster ${CLUSTER} --task ${TASK_ARN}`);
    expect(ecs.commandCalls(DescribeTasksCommand)).toHaveLength(0);
  });
});

describe('following the task', () => {
  test('streams the log in timestamp order across pages and streams, each line once, while the task runs', async () => {
    let poll = 0;
    logs.on(FilterLogEventsCommand).callsFake((input: { nextToken?: string; logStreamNamePrefix: string; logGroupName: string }) => {
      expect(input).toMatchObject({ logGroupName: LOG_GROUP, logStreamNamePrefix: STREAM });
      if (input.nextToken === 'page-2') return { events: [event('e3', 1_300, 'third'), event('e4', 1_400, 'fourth', `${STREAM}-b`)] };
      poll += 1;
      if (poll === 1) {
        // Two streams interleaved, out of order within the page, more on a second page.
        return { events: [event('e2', 1_200, 'second', `${STREAM}-b`), event('e1', 1_100, 'first')], nextToken: 'page-2' };
      }
      // Later polls see some events again (the lookback) and new ones.
      return { events: [event('e4', 1_400, 'fourth', `${STREAM}-b`), ...(poll === 2 ? [event('e5', 1_500, 'fifth')] : [])] };
    });
    ecs
      .on(DescribeTasksCommand)
      .resolvesOnce({ tasks: [task('PENDING')] })
      .resolvesOnce({ tasks: [task('RUNNING')] })
      .resolves({ tasks: [stopped(0)] });
    const run = await remote(CUTOVER);
    expect(run.stdout.split('\n')).toEqual(['first', 'second', 'third', 'fourth', 'fifth', '']);
    expect(run.stderr).toContain('Task 0123456789abcdef0123456789abcdef: PENDING');
    expect(run.stderr).toContain('Task 0123456789abcdef0123456789abcdef: RUNNING');
    expect(run.code).toBe(0);
  });

  test('lines that reach CloudWatch after the task stopped are still printed', async () => {
    ecs.on(DescribeTasksCommand).resolves({ tasks: [stopped(0)] });
    logs
      .on(FilterLogEventsCommand)
      .resolvesOnce({ events: [] })
      .resolvesOnce({ events: [event('late', 5_000, 'OK: the target matches')] })
      .resolves({ events: [] });
    const run = await remote(CUTOVER);
    expect(run.stdout).toBe('OK: the target matches\n');
  });

  test.each([0, 1, 2])('exits with the command’s exit code (%i)', async (exitCode) => {
    ecs
      .on(DescribeTasksCommand)
      .resolvesOnce({ tasks: [task('RUNNING')] })
      .resolves({ tasks: [stopped(exitCode)] });
    const run = await remote(CUTOVER);
    expect(run.code).toBe(exitCode);
    expect(run.stderr).toContain(`Migration task 0123456789abcdef0123456789abcdef exited with code ${exitCode}.`);
  });

  test('Ctrl-C stops the task with StopTask, says so, waits for it to end, and exits 130', async () => {
    ecs.on(DescribeTasksCommand).callsFake(() => {
      const calls = ecs.commandCalls(DescribeTasksCommand).length;
      if (calls === 1) {
        pressCtrlC!();
        return { tasks: [task('RUNNING')] };
      }
      return { tasks: [ecs.commandCalls(StopTaskCommand).length > 0 ? stopped(143, { stopCode: 'UserInitiated' }) : task('RUNNING')] };
    });
    const run = await remote(CUTOVER);
    expect(ecs.commandCalls(StopTaskCommand).map((c) => c.args[0].input)).toEqual([
      { cluster: CLUSTER, task: TASK_ARN, reason: 'Stopped by sr-migrate remote (Ctrl-C)' },
    ]);
    expect(run.stderr).toContain('Ctrl-C: stopping migration task 0123456789abcdef0123456789abcdef (StopTask); waiting for it to end.');
    expect(run.stderr).toContain('stopped after Ctrl-C (the command exited with 143)');
    expect(run.code).toBe(EXIT_INTERRUPTED);
    expect(pressCtrlC).toBeUndefined(); // unsubscribed
  });

  test('a second Ctrl-C stops waiting', async () => {
    ecs.on(DescribeTasksCommand).callsFake(() => {
      pressCtrlC!();
      return { tasks: [task('RUNNING')] };
    });
    const run = await remote(CUTOVER);
    expect(ecs.commandCalls(StopTaskCommand)).toHaveLength(1);
    expect(run.stderr).toContain('Not waiting for task 0123456789abcdef0123456789abcdef to end; it is stopping.');
    expect(run.code).toBe(EXIT_INTERRUPTED);
  });

  test('Ctrl-C while the task is being started stops it, even with --no-wait', async () => {
    ecs.on(RunTaskCommand).callsFake(() => {
      pressCtrlC!();
      return { tasks: [task('PROVISIONING')], failures: [] };
    });
    ecs.on(DescribeTasksCommand).callsFake(() => ({
      tasks: [ecs.commandCalls(StopTaskCommand).length > 0 ? stopped(undefined, { stopCode: 'UserInitiated' }) : task('PROVISIONING')],
    }));
    const run = await remote(CUTOVER, { wait: false });
    expect(ecs.commandCalls(StopTaskCommand)).toHaveLength(1);
    expect(run.code).toBe(EXIT_INTERRUPTED);
  });

  test('reads the task’s log from a minute before ECS created it (clock skew), not from the local clock', async () => {
    ecs.on(RunTaskCommand).resolves({ tasks: [task('PROVISIONING', { createdAt: new Date(1_800_000_000_000) })], failures: [] });
    ecs.on(DescribeTasksCommand).resolves({ tasks: [stopped(0)] });
    await remote(CUTOVER);
    expect(logs.commandCalls(FilterLogEventsCommand)[0].args[0].input.startTime).toBe(1_800_000_000_000 - 60_000);
  });

  test('losing sight of the task says it may still run, and how to follow or stop it', async () => {
    ecs
      .on(DescribeTasksCommand)
      .resolvesOnce({ tasks: [task('RUNNING')] })
      .rejects(awsException('ExpiredTokenException', 'The security token included in the request is expired'));
    const run = await remote(CUTOVER);
    expect(run.error?.message).toBe(
      'your AWS credentials have expired: refresh them (e.g. `aws sso login`) and run again; ' +
        `migration task 0123456789abcdef0123456789abcdef may still be running: follow it with: aws logs tail ${LOG_GROUP} ` +
        `--log-stream-names ${STREAM} --follow, or stop it with: aws ecs stop-task --cluster ${CLUSTER} --task ${TASK_ARN}`,
    );
  });

  test('a task stopped by someone else ends with its exit code and the reason', async () => {
    ecs.on(DescribeTasksCommand).resolves({ tasks: [stopped(143, { stopCode: 'UserInitiated', stoppedReason: 'Task stopped by user' })] });
    const run = await remote(CUTOVER);
    expect(run.stderr).toContain('was stopped: UserInitiated: Task stopped by user');
    expect(run.code).toBe(143);
  });
});

describe('errors, one line each', () => {
  const errorOf = async (args = CUTOVER) => (await remote(args)).error?.message;

  test('stack not deployed', async () => {
    cfn.on(DescribeStacksCommand).rejects(awsException('ValidationError', 'Stack with id Prod-Registry does not exist'));
    expect(await errorOf()).toBe(
      "stack Prod-Registry is not deployed in eu-west-1: deploy the prod environment (npx cdk deploy 'Prod/*') or pass --region with the region it is in",
    );
  });

  test('stack without the migration task', async () => {
    cfn.on(DescribeStacksCommand).resolves({
      Stacks: [
        {
          StackName: 'Prod-Registry',
          StackStatus: 'UPDATE_COMPLETE',
          CreationTime: new Date(),
          Outputs: stackOutputs({ MigrationTaskDefinitionArn: undefined }),
        },
      ],
    });
    expect(await errorOf()).toBe(
      "stack Prod-Registry has no migration task: set migration.enabled to true for prod (lib/config/environments.ts) and deploy (npx cdk deploy 'Prod/*')",
    );
  });

  test('no credentials', async () => {
    cfn.on(DescribeStacksCommand).rejects(awsException('CredentialsProviderError', 'Could not load credentials from any providers'));
    expect(await errorOf()).toBe(
      'no AWS credentials: set AWS_PROFILE (and run `aws sso login` for SSO profiles) or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, then run again',
    );
  });

  test('task failed to start: ECS’s reason', async () => {
    ecs.on(RunTaskCommand).resolves({ tasks: [], failures: [{ reason: 'RESOURCE:ENI', detail: 'no free IP addresses in subnet-0aaa' }] });
    expect(await errorOf()).toBe('the migration task did not start: RESOURCE:ENI: no free IP addresses in subnet-0aaa');
  });

  test('task failed to start: RunTask refused (iam:PassRole)', async () => {
    ecs.on(RunTaskCommand).rejects(awsException('AccessDeniedException', 'User is not authorized to perform: iam:PassRole'));
    expect(await errorOf()).toMatch(
      /^the migration task did not start: access denied to ecs:RunTask in arn:aws:ecs:.*: User is not authorized to perform: iam:PassRole \(sr-migrate remote needs/,
    );
  });

  test('task stopped by ECS before the command finished', async () => {
    ecs.on(DescribeTasksCommand).resolves({
      tasks: [
        task('STOPPED', {
          stopCode: 'TaskFailedToStart',
          stoppedReason: 'CannotPullContainerError: pull image manifest has been retried 5 time(s)',
          containers: [{ name: 'sr-migrate', reason: 'CannotPullContainerError' }],
        }),
      ],
    });
    expect(await errorOf()).toBe(
      'ECS stopped the migration task before the command finished (TaskFailedToStart): ' +
        'CannotPullContainerError: pull image manifest has been retried 5 time(s); CannotPullContainerError',
    );
  });
});

describe('through the command line', () => {
  async function cli(argv: string[]): Promise<Run> {
    let stdout = '';
    let stderr = '';
    const code = await runCli(argv, {
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: (t: string) => (stderr += t) },
      env: {},
    });
    return { code, stdout, stderr };
  }

  test('prints the error as one line and exits 1', async () => {
    cfn.on(DescribeStacksCommand).rejects(awsException('ValidationError', 'Stack with id Staging-Registry does not exist'));
    const run = await cli(['remote', '--env', 'staging', '--region', REGION, '--', 'verify', '--target', '{target}', '--in', 's3://b/k']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "error: stack Staging-Registry is not deployed in eu-west-1: deploy the staging environment (npx cdk deploy 'Staging/*') or pass --region with the region it is in\n",
    );
  });

  test('a bad {target} is a usage error (exit 2) before any task starts', async () => {
    const run = await cli(['remote', '--env', 'prod', '--region', REGION, '--', 'import', '--in', '{target}']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: \{target\} may only be the value of --source or --target/);
    expect(ecs.commandCalls(RunTaskCommand)).toHaveLength(0);
  });

  test('--help shows the exact form and an example', async () => {
    const run = await cli(['remote', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: sr-migrate remote --env <name> [--region R] [--no-wait] -- <command> [args…]');
    expect(run.stdout).toContain('npx sr-migrate remote --env prod -- cutover --source https://old-sr:8081 --target {target}');
  });

  test('an unknown environment is a usage error', async () => {
    const run = await cli(['remote', '--env', 'qa', '--', 'verify']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("argument 'qa' is invalid. Allowed choices are dev, staging, prod.");
  });

  test('the command’s exit code becomes the CLI’s, with the command’s options passed through after --', async () => {
    ecs.on(DescribeTasksCommand).resolves({ tasks: [stopped(1)] });
    const run = await cli([
      'remote',
      '--env',
      'prod',
      '--region',
      REGION,
      '--',
      'verify',
      '--target',
      '{target}',
      '--in',
      's3://b/k',
      '--json',
    ]);
    expect(run.code).toBe(1);
    expect(ecs.commandCalls(RunTaskCommand)[0].args[0].input.overrides?.containerOverrides?.[0].command).toEqual([
      'verify',
      '--target',
      REGISTRY_URL,
      '--in',
      's3://b/k',
      '--json',
      '--target-secret-arn',
      ADMIN_SECRET,
    ]);
  });
});
