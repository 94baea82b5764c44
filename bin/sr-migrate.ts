import { runCli } from '../cli';

// The AWS SDK's multi-line Node-version notice would bury the CLI's one-line messages (we support Node >= 20).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
void runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }).then((code) => {
  process.exitCode = code;
});
