/**
 * Where a migration keeps its state between runs, and how a run is told where that is. The
 * ownership ledger (what an import or sync wrote, so a later sync may mirror the source's
 * deletes) and the freeze records live under one state location: a local folder or an S3
 * prefix. The seeding Lambda and the on-demand migration task use the environment's data
 * bucket; a laptop run uses whatever `SR_MIGRATE_STATE` (or `--state-dir`) names.
 */

/** Key prefix in the environment's data bucket: `s3://<data bucket>/migrations/`. */
export const MIGRATION_STATE_PREFIX = 'migrations/';

/** Object name of the ownership ledger under the state location. */
export const LEDGER_NAME = 'ledger.json';

/** Environment variables the CLI (and so the migration task) reads. */
export const MIGRATION_ENV = {
  /** State location: a folder or `s3://bucket/prefix/` (default `.sr-migrate/` in the working directory). */
  stateDir: 'SR_MIGRATE_STATE',
  /** Environment name for `--metrics` (the dimension the alarms watch). */
  environment: 'SR_MIGRATE_ENVIRONMENT',
} as const;
