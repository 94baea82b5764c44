/** What verify found: one entry per difference between the expected state and the target. */

export type DifferenceKind =
  /** A context the source has is missing on the target. */
  | 'context-missing'
  /** The target has a context the source does not. */
  | 'context-unexpected'
  /** A subject-version of the source is missing on the target. */
  | 'version-missing'
  /** The target holds a subject-version the source does not (the import's own id placeholder excepted). */
  | 'version-unexpected'
  | 'id-differs'
  | 'schema-type-differs'
  /** Schema text differs beyond what canonicalisation allows (AVRO/JSON parsed, keys sorted). */
  | 'schema-differs'
  | 'references-differ'
  | 'metadata-differs'
  | 'ruleset-differs'
  /** Soft-deleted on one side, live on the other. */
  | 'deleted-differs'
  /** A config is missing, unexpected or different at a scope. */
  | 'config-differs'
  /** A mode is missing, unexpected or different at a scope. */
  | 'mode-differs'
  /** The target could hand out an id the source already used: its max id is below the source's. */
  | 'max-id-too-low';

/** Where a difference is; only the fields that apply are set. */
export interface DifferenceLocation {
  readonly context?: string;
  readonly subject?: string;
  readonly version?: number;
  /** Config/mode scope: "" top level, ":.__GLOBAL:", ":.ctx:" or a subject. */
  readonly scope?: string;
}

export interface VerifyDifference {
  readonly kind: DifferenceKind;
  readonly location: DifferenceLocation;
  /** The source's value; undefined when the source has none. */
  readonly expected?: unknown;
  /** The target's value; undefined when the target has none. */
  readonly actual?: unknown;
  /** One readable line. */
  readonly message: string;
}

export interface VerifyReport {
  /** True when there is no difference. */
  readonly ok: boolean;
  readonly differences: readonly VerifyDifference[];
  /** What was compared (source-side counts). */
  readonly checked: {
    readonly contexts: number;
    readonly versions: number;
    readonly configs: number;
    readonly modes: number;
    readonly maxIds: number;
  };
  /** Things that differ on purpose and were not counted, one line each (e.g. the id placeholder). */
  readonly notes: readonly string[];
}
