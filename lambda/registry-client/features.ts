/**
 * What an exporter/importer may use on a given server version (docs/registry-semantics.md §1-§4, §12).
 * Unknown versions (before 7.3 `/v1/metadata/version` did not exist, or a non-Confluent
 * server) get the conservative set: per-subject reads and compatibility NONE during import.
 */

export interface ServerVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  /** As the server reported it, e.g. "7.9.1-ce". */
  readonly raw: string;
}

export interface RegistryFeatures {
  /** The parsed server version; undefined when the server did not say. */
  readonly version?: ServerVersion;
  /** Listings carry `deleted: true|false` per version (>= 8.0); older servers need two listings. */
  readonly deletedFlagInListings: boolean;
  /** `deletedOnly=true` on /subjects and /subjects/{s}/versions (>= 7.4). */
  readonly deletedOnly: boolean;
  /**
   * `GET /schemas?subjectPrefix=…&deleted=true&offset=&limit=` pages reliably (>= 7.4.1, where
   * the 1000-item cap arrived). Conservative: callers still fall back to per-subject reads if it fails.
   */
  readonly bulkSchemaPaging: boolean;
  /** Page size to ask for on /schemas (the server's maximum since 7.4.1). */
  readonly schemasPageLimit: number;
  /** Schemas carry `metadata` and `ruleSet`; configs carry metadata/ruleSet defaults (>= 7.4). */
  readonly metadataAndRuleSet: boolean;
  /**
   * Registration in IMPORT mode skips compatibility checks (>= 7.5). Older targets need
   * compatibility NONE during the import, then the exported configs.
   */
  readonly importSkipsCompatibility: boolean;
  /** `deletedAsNegative=true` on /subjects/{s}/versions (>= 8.2). */
  readonly deletedAsNegative: boolean;
  /** Schema answers include `schemaType: "AVRO"` (>= 8.0); older servers omit it. */
  readonly avroTypeExplicit: boolean;
}

/** Parses "7.9.1", "8.0.0-ce", "7.4.1-ccs"; undefined when it is not x.y[.z]. */
export function parseServerVersion(raw: string | undefined): ServerVersion | undefined {
  if (!raw) return undefined;
  const match = /^v?(\d+)\.(\d+)(?:\.(\d+))?/.exec(raw.trim());
  if (!match) return undefined;
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3] ?? 0), raw };
}

/** True when `version` is at least `major.minor.patch`. */
export function isAtLeast(version: ServerVersion | undefined, major: number, minor: number, patch = 0): boolean {
  if (!version) return false;
  if (version.major !== major) return version.major > major;
  if (version.minor !== minor) return version.minor > minor;
  return version.patch >= patch;
}

/** The feature set for a server version string (as `serverVersion()` returns it). */
export function featuresFor(rawVersion: string | undefined): RegistryFeatures {
  const version = parseServerVersion(rawVersion);
  return {
    version,
    deletedFlagInListings: isAtLeast(version, 8, 0),
    deletedOnly: isAtLeast(version, 7, 4),
    bulkSchemaPaging: isAtLeast(version, 7, 4, 1),
    schemasPageLimit: 1000,
    metadataAndRuleSet: isAtLeast(version, 7, 4),
    importSkipsCompatibility: isAtLeast(version, 7, 5),
    deletedAsNegative: isAtLeast(version, 8, 2),
    avroTypeExplicit: isAtLeast(version, 8, 0),
  };
}

/** Reads the server version and derives its features in one call. */
export async function detectFeatures(client: { serverVersion(): Promise<string | undefined> }): Promise<RegistryFeatures> {
  return featuresFor(await client.serverVersion());
}

/**
 * Servers before 7.5 check compatibility even in IMPORT (docs/registry-semantics.md §4.2
 * step 7), so an import sets compatibility NONE while it registers. `undefined` means the
 * server has no `/v1/metadata/version` endpoint, i.e. it is older than 7.3; a version string
 * that is not x.y[.z] (another implementation) is taken as a current server.
 */
export function checksCompatibilityInImport(rawVersion: string | undefined): boolean {
  if (rawVersion === undefined) return true;
  const version = parseServerVersion(rawVersion);
  return version !== undefined && !isAtLeast(version, 7, 5);
}
