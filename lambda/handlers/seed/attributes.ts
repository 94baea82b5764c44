import { SEED_ATTRIBUTES } from '../../contracts/seeding';
import type { LoadedExport } from '../../migration/format/snapshot';
import type { SeedProperties } from './properties';

/**
 * `Fn::GetAtt` attributes of the seeding resource (names in lambda/contracts/seeding.ts).
 * Values are strings (CloudFormation's attribute type) and the whole set stays far below the
 * 4 KiB response limit.
 */
export type SeedAttributes = Readonly<Record<(typeof SEED_ATTRIBUTES)[keyof typeof SEED_ATTRIBUTES], string>>;

/** Attributes of a completed, verified seeding. */
export function seedAttributes(loaded: LoadedExport, result: { readonly written: number; readonly skipped: number }): SeedAttributes {
  return {
    [SEED_ATTRIBUTES.imported]: String(result.written),
    [SEED_ATTRIBUTES.skipped]: String(result.skipped),
    [SEED_ATTRIBUTES.contexts]: String(loaded.contexts.length),
    [SEED_ATTRIBUTES.subjectVersions]: String(loaded.schemas.length),
    [SEED_ATTRIBUTES.exportSha256]: loaded.trailer.sha256,
    [SEED_ATTRIBUTES.unchanged]: 'false',
  };
}

/**
 * Attributes of an Update that did nothing. The export is not read (it may have expired from
 * the bucket since), so the counts describe this operation: nothing imported, nothing checked.
 */
export function unchangedAttributes(props: SeedProperties): SeedAttributes {
  return {
    [SEED_ATTRIBUTES.imported]: '0',
    [SEED_ATTRIBUTES.skipped]: '0',
    [SEED_ATTRIBUTES.contexts]: '0',
    [SEED_ATTRIBUTES.subjectVersions]: '0',
    [SEED_ATTRIBUTES.exportSha256]: props.exportSha256 ?? '',
    [SEED_ATTRIBUTES.unchanged]: 'true',
  };
}
