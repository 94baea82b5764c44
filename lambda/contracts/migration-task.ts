/**
 * The on-demand migration task's contract: the Registry stack's outputs that describe it
 * (lib/constructs/migration/ writes them) and that `sr-migrate remote` reads (cli/remote/),
 * and the container and log names. The stack's name is in stack-names.ts.
 */

/** Output keys of the migration task (each a fixed logical id, so the CLI can find it). */
export const MIGRATION_TASK_OUTPUTS = {
  clusterArn: 'MigrationClusterArn',
  taskDefinitionArn: 'MigrationTaskDefinitionArn',
  containerName: 'MigrationContainerName',
  /** Comma-separated private subnet ids. */
  subnetIds: 'MigrationSubnetIds',
  securityGroupId: 'MigrationSecurityGroupId',
  platformVersion: 'MigrationPlatformVersion',
  logGroupName: 'MigrationLogGroupName',
  /** awslogs stream prefix: a task's stream is `<prefix>/<container>/<task id>`. */
  logStreamPrefix: 'MigrationLogStreamPrefix',
  /** ARN of the admin secret of the new registry (what `{target}` authenticates with). */
  adminSecretArn: 'MigrationAdminSecretArn',
  /** ARN of the source-credentials secret; present only when `migration.sourceSecretArn` is set. */
  sourceSecretArn: 'MigrationSourceSecretArn',
  /** Where the task may reach a source registry besides HTTPS: `cidr:port` list, comma-separated, or `none`. */
  sourceAccess: 'MigrationSourceAccess',
} as const;

/** The values behind MIGRATION_TASK_OUTPUTS, as the stack writes them and `remote` reads them. */
export interface MigrationTaskOutputValues {
  readonly clusterArn: string;
  readonly taskDefinitionArn: string;
  readonly containerName: string;
  readonly subnetIds: readonly string[];
  readonly securityGroupId: string;
  readonly platformVersion: string;
  readonly logGroupName: string;
  readonly logStreamPrefix: string;
  readonly adminSecretArn: string;
  readonly sourceSecretArn?: string;
  /** `cidr:port` pairs the task may reach besides HTTPS (empty: none). */
  readonly sourceAccess: readonly string[];
}

/** Name of the one container of the migration task. */
export const MIGRATION_CONTAINER_NAME = 'sr-migrate';

/** awslogs stream prefix of the migration task. */
export const MIGRATION_LOG_STREAM_PREFIX = 'sr-migrate';

/** Value of the `sourceAccess` output when only HTTPS (443) leaves the task. */
export const NO_SOURCE_ACCESS = 'none';

/** The placeholder `sr-migrate remote` replaces with the environment's registry URL. */
export const TARGET_PLACEHOLDER = '{target}';
