/**
 * The seeding custom resource's contract: its type, the properties lib/constructs/seeding sets
 * and lambda/handlers/seed.ts reads (CloudFormation delivers every property as a string), the
 * attributes it returns, and the handler's environment variables.
 */

export const SEED_RESOURCE_TYPE = 'Custom::SchemaRegistrySeed';

/** Resource property names. */
export const SEED_PROPERTIES = {
  exportBucket: 'ExportBucket',
  exportKey: 'ExportKey',
  /** The export's trailer sha256 the object must carry (optional). */
  exportSha256: 'ExportSha256',
  registryUrl: 'RegistryUrl',
  adminSecretArn: 'AdminSecretArn',
  /** ECS cluster and service to wait for before seeding (optional, set together). */
  ecsCluster: 'EcsCluster',
  ecsService: 'EcsService',
} as const;

/** `Fn::GetAtt` attribute names of the seeding resource. */
export const SEED_ATTRIBUTES = {
  /** Writes the final import pass made. */
  imported: 'Imported',
  /** Subject-versions and config/mode scopes the final pass found already in place. */
  skipped: 'Skipped',
  contexts: 'Contexts',
  subjectVersions: 'SubjectVersions',
  exportSha256: 'ExportSha256',
  /** "true" when an Update asked for the same export and registry and did nothing. */
  unchanged: 'Unchanged',
} as const;

/** Environment variables of the seeding functions. */
export const SEED_ENV = {
  /** The handler's own deadline for a Create/Update, a little inside the Provider's totalTimeout. */
  timeoutSeconds: 'SEED_TIMEOUT_SECONDS',
  /** Time kept free at the end of each invocation. */
  invocationMarginSeconds: 'SEED_INVOCATION_MARGIN_SECONDS',
  /** Cap on writes per import slice (tests and very slow targets). */
  maxWritesPerSlice: 'SEED_MAX_WRITES_PER_SLICE',
} as const;
