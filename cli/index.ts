export { runCli } from './run-cli';
export { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type CliIo, type CliStream } from './io';
