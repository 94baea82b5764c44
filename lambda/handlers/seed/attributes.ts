import type { LoadedExport } from '../../migration/format/snapshot';
import type { SeedProperties } from './properties';

/**
 * `Fn::GetAtt` attributes of the seeding resource. Values are strings (CloudFormation's
 * attribute type) and the whole set stays far below the 4 KiB response limit.
 */
export interface SeedAttributes {
  /** Writes the final import pass made (registrations, deletes, configs, modes). */
  readonly Imported: string;
  /** Subject-versions and config/mode scopes the final import pass found already in place. */
  readonly Skipped: string;
  /** Contexts in the export. */
  readonly Contexts: string;
  /** Subject-versions in the export (live and soft-deleted), all verified on the target. */
  readonly SubjectVersions: string;
  /** The export's trailer sha256. */
  readonly ExportSha256: string;
  /** "true" when an Update asked for the same export and registry as before and did nothing. */
  readonly Unchanged: string;
}

/** Attributes of a completed, verified seeding. */
export function seedAttributes(loaded: LoadedExport, result: { readonly written: number; readonly skipped: number }): SeedAttributes {
  return {
    Imported: String(result.written),
    Skipped: String(result.skipped),
    Contexts: String(loaded.contexts.length),
    SubjectVersions: String(loaded.schemas.length),
    ExportSha256: loaded.trailer.sha256,
    Unchanged: 'false',
  };
}

/**
 * Attributes of an Update that did nothing. The export is not read (it may have expired from
 * the bucket since), so the counts describe this operation: nothing imported, nothing checked.
 */
export function unchangedAttributes(props: SeedProperties): SeedAttributes {
  return {
    Imported: '0',
    Skipped: '0',
    Contexts: '0',
    SubjectVersions: '0',
    ExportSha256: props.exportSha256 ?? '',
    Unchanged: 'true',
  };
}
