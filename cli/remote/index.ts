export { runRemote, EXIT_INTERRUPTED, type RemoteDependencies, type RemoteOptions } from './remote';
export { prepareCommand, type PreparedCommand } from './command-args';
export { readMigrationStack, type MigrationStack } from './stack-outputs';
export { RemoteError } from './errors';
