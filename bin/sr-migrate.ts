import { runCli } from '../cli';

// The AWS SDK's multi-line Node-version notice would bury the CLI's one-line messages (we support Node >= 20).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

let interrupted: AbortController | undefined;
/** The first SIGINT/SIGTERM aborts the signal (the command stops cleanly); a second one exits at once. */
function interrupt(): AbortSignal {
  if (!interrupted) {
    const controller = (interrupted = new AbortController());
    const onSignal = (signal: NodeJS.Signals): void => {
      if (controller.signal.aborted) process.exit(signal === 'SIGINT' ? 130 : 143);
      controller.abort(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }
  return interrupted.signal;
}

void runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, interrupt }).then((code) => {
  process.exitCode = code;
});
