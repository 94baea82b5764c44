import { isPositiveInteger, isS3BucketName, isSha256Hex } from './validation/formats';

/**
 * Seeding the new registry from an export during `cdk deploy` (docs/architecture.md §7). Optional per
 * environment: leave it unset and no seeding resource is created.
 *
 * Give the export either as an object that already sits in S3 (`exportKey`, in the
 * environment's data bucket unless `exportBucket` names another) or as a local file that CDK
 * uploads as an asset (`localExportFile`), not both.
 *
 * `ExportSha256` everywhere in this feature means the export's **trailer sha256** (the hash the
 * export format stores in its last line, over every line before it), not the hash of the file
 * bytes: it is the same for the gzipped and the plain file, and it is what the reader checks.
 */
export interface SeedingConfig {
  /**
   * Name of another existing bucket holding the export. Needs `exportKey`.
   * @default the environment's data bucket (where `sr-migrate export` and the backups write)
   */
  readonly exportBucket?: string;

  /**
   * Object key of the export, e.g. `exports/2026-11-26.jsonl.gz` or a backup's
   * `backups/prod/2026-11-26T14-05-09Z.jsonl.gz` (gzip is chosen by the `.gz` suffix).
   * @default undefined (use `localExportFile`)
   */
  readonly exportKey?: string;

  /**
   * The export's trailer sha256 (64 lowercase hex digits; `sr-migrate export` prints it).
   * Strongly recommended with `exportBucket`/`exportKey`: changing it is what makes CloudFormation
   * send an Update (re-seed), and the seeding refuses an object whose trailer differs.
   * Without it, a new export must use a new key to be picked up.
   * @default undefined (derived from the file for `localExportFile`)
   */
  readonly exportSha256?: string;

  /**
   * Path of a local export file (relative to the repository root or absolute). CDK uploads it
   * as an S3 asset; its trailer sha256 is read at synth time.
   * @default undefined (use `exportBucket` + `exportKey`)
   */
  readonly localExportFile?: string;

  /**
   * How long the seeding may take in total (waiting for the service, importing, verifying).
   * CloudFormation waits at most one hour for a custom resource, so at most 50.
   * @default 50
   */
  readonly timeoutMinutes?: number;
}

/** CloudFormation gives a custom resource one hour; 50 minutes leaves room for the response. */
export const MAX_SEEDING_TIMEOUT_MINUTES = 50;

/** Seeding is off everywhere by default: an environment opts in with an export to seed from. */
export const DEFAULT_SEEDING_CONFIG: SeedingConfig | undefined = undefined;

/** Problems with a seeding config, each naming the field and the fix; [] when valid. */
export function validateSeedingConfig(config: SeedingConfig | undefined, path = 'seeding'): string[] {
  if (config === undefined) return [];
  const problems: string[] = [];
  const usesS3 = config.exportBucket !== undefined || config.exportKey !== undefined;
  const usesFile = config.localExportFile !== undefined;

  if (usesS3 && usesFile) {
    problems.push(`${path}: set either exportKey (an export already in S3) or localExportFile (uploaded by CDK), not both`);
  }
  if (!usesS3 && !usesFile) {
    problems.push(
      `${path}: set exportKey (and exportBucket unless it is the data bucket), or localExportFile; remove the seeding block to turn seeding off`,
    );
  }
  if (usesS3) {
    if (config.exportBucket !== undefined && !isS3BucketName(config.exportBucket)) {
      problems.push(
        `${path}.exportBucket "${config.exportBucket}" is not a valid S3 bucket name (3-63 lowercase letters, digits, dots, hyphens)`,
      );
    }
    if (!config.exportKey) problems.push(`${path}.exportKey is required with exportBucket (the object key of the export in that bucket)`);
    else if (config.exportKey.startsWith('/'))
      problems.push(`${path}.exportKey must not start with "/" (S3 keys are relative to the bucket)`);
  }
  if (usesFile && config.localExportFile === '') problems.push(`${path}.localExportFile must be a file path`);
  if (config.exportSha256 !== undefined && !isSha256Hex(config.exportSha256)) {
    problems.push(`${path}.exportSha256 must be 64 lowercase hex digits (the export's trailer sha256)`);
  }
  if (usesFile && config.exportSha256 !== undefined) {
    problems.push(`${path}.exportSha256 is read from localExportFile at synth time; remove it`);
  }
  if (config.timeoutMinutes !== undefined) {
    if (!isPositiveInteger(config.timeoutMinutes) || config.timeoutMinutes < 5 || config.timeoutMinutes > MAX_SEEDING_TIMEOUT_MINUTES) {
      problems.push(
        `${path}.timeoutMinutes must be a whole number from 5 to ${MAX_SEEDING_TIMEOUT_MINUTES} (CloudFormation waits at most 1 hour for a custom resource); ` +
          'registries too large for that window are imported with sr-migrate from inside the VPC (see the runbook)',
      );
    }
  }
  return problems;
}
