import { Command, Option } from 'commander';
import { TARGET_PLACEHOLDER } from '../../lambda/contracts/migration-task';
import { STAGE_IDS, type StageEnvironment } from '../../lambda/contracts/stack-names';
import type { CliIo } from '../io';
import { runRemote, type RemoteDependencies } from '../remote';

interface RemoteCliOptions {
  readonly env: StageEnvironment;
  readonly region?: string;
  readonly wait: boolean;
}

/** `sr-migrate remote --env <name> [--region R] [--no-wait] -- <command> [args…]` */
export function remoteCommand(io: CliIo, run: (action: () => Promise<number>) => Promise<void>, deps: RemoteDependencies = {}): Command {
  return new Command('remote')
    .description(
      "Run an sr-migrate command in the environment's migration task, inside its VPC (no bastion): starts the task, streams its log, " +
        `exits with its exit code; Ctrl-C stops it. ${TARGET_PLACEHOLDER} is the environment's registry with its admin secret. ` +
        'Needs AWS credentials (cloudformation:DescribeStacks, ecs:RunTask/TagResource/DescribeTasks/StopTask, iam:PassRole, logs:FilterLogEvents)',
    )
    .usage(`--env <name> [--region R] [--no-wait] -- <command> [args…]`)
    .addOption(new Option('--env <name>', 'environment whose task runs the command').choices(Object.keys(STAGE_IDS)).makeOptionMandatory())
    .option('--region <region>', "AWS region of the environment (default: AWS_REGION or your profile's region)")
    .option('--no-wait', 'start the task, print how to follow and stop it, and return')
    .option('--debug', 'print stack traces on errors')
    .argument(
      '<command...>',
      `sr-migrate command and arguments, after --; e.g. -- cutover --source https://old-sr:8081 --target ${TARGET_PLACEHOLDER}`,
    )
    .addHelpText(
      'after',
      `\nExample:\n  npx sr-migrate remote --env prod -- cutover --source https://old-sr:8081 --target ${TARGET_PLACEHOLDER}\n` +
        `  npx sr-migrate remote --env prod -- import --target ${TARGET_PLACEHOLDER} --in s3://<data bucket>/exports/<export>.jsonl.gz\n`,
    )
    .action((args: string[], options: RemoteCliOptions) =>
      run(() => runRemote({ env: options.env, region: options.region, wait: options.wait, args }, io, deps)),
    );
}
