/**
 * Metrics of a live migration: what `sr-migrate sync --metrics` and `cutover` publish per pass,
 * and what the scheduled mode check publishes about the new registry. The Monitoring stack
 * alarms on these names; the runtime publishes them.
 */

/** CloudWatch namespace of every migration metric. */
export const MIGRATION_METRIC_NAMESPACE = 'SchemaRegistry/Migration';
/** The one dimension of every migration metric; its value is the environment name. */
export const MIGRATION_METRIC_DIMENSION = 'Environment';

/** Published by each sync pass (and by the passes of a cut-over). */
export const SYNC_METRICS = {
  /** Subject-versions the target lacks or holds differently at the start of the pass. */
  versionsBehind: 'SyncVersionsBehind',
  /** Writes the pass made. */
  writes: 'SyncWrites',
  /** Seconds since the last pass that completed without error (0 right after one). */
  secondsSinceLastSuccess: 'SyncSecondsSinceLastSuccess',
  /** Scopes of the target left in IMPORT after the pass. */
  scopesInImport: 'SyncScopesInImport',
} as const;

/** Published by the scheduled mode check of the new registry. */
export const MODE_CHECK_METRICS = {
  /** Config/mode scopes (top level, contexts, subjects) whose mode is IMPORT or READONLY. */
  scopesNotWritable: 'ScopesInImportOrReadOnly',
} as const;
