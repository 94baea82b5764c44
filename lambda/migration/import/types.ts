import type { RegisterSchemaRequest, RegistryMode } from '../../registry-client/types';

/**
 * The import plan: every write an import will make, in the order it makes them,
 * computed from the export and the target's current state before anything is written
 * (docs/architecture.md §6, docs/registry-semantics.md §10). Scopes use the export's spelling: "" is the top level,
 * ":.ctx:" a context, ":.__GLOBAL:" the all-contexts scope, anything else a subject.
 */
export interface ImportPlan {
  /** True when the target held no subject-version at all (live or soft-deleted). */
  readonly targetEmpty: boolean;
  /** Whether IMPORT is entered with `force=true` (only on a non-empty or resumed target, docs/registry-semantics.md §12.2). */
  readonly forceImportMode: boolean;
  /** Scopes put into IMPORT before the first registration, widest first. */
  readonly enterImport: readonly PlannedModeWrite[];
  /** Scopes set to compatibility NONE during the import (targets before 7.5 check compatibility in IMPORT, docs/registry-semantics.md §4.2). */
  readonly compatibilityOverrides: readonly string[];
  /** Registrations in reference order; `after` lists the registrations that must be answered first. */
  readonly registrations: readonly PlannedRegistration[];
  /** Placeholders that keep each context's highest source id from being handed out again (docs/registry-semantics.md §12.10). */
  readonly reservations: readonly PlannedReservation[];
  /** Soft deletes, referrers first; `after` lists the deletes that must be answered first. */
  readonly deletes: readonly PlannedDelete[];
  /** Config writes: DELETE first where a field must disappear, aliases last. */
  readonly configs: readonly PlannedConfigWrite[];
  /** Final modes, narrowest scope first (subjects, contexts, ":.__GLOBAL:", top level). */
  readonly modes: readonly PlannedModeWrite[];
  /**
   * With `holdImport`: scopes the target keeps in IMPORT (or otherwise unlike the source) while
   * a sync runs, each with the source's mode the cut-over will set (undefined: unset).
   */
  readonly heldInImport: ReadonlyMap<string, RegistryMode | undefined>;
  /**
   * Removals of target content an earlier import or sync from this source wrote and the source no
   * longer has (its permanent deletes): soft deletes, then permanent deletes, both referrers
   * first, before any registration. Empty without an ownership ledger.
   */
  readonly removals: { readonly soft: readonly PlannedDelete[]; readonly permanent: readonly PlannedDelete[] };
  /** Version keys (subject + "\u0000" + version) of the target versions the removals take away. */
  readonly removedVersionKeys: readonly string[];
  /** Reasons the import must not start; empty when it may. */
  readonly conflicts: readonly ImportConflict[];
  /** Things the import does that an operator should know about, but which do not stop it. */
  readonly warnings: readonly string[];
  /** Source subject-versions the target already holds exactly (nothing to write for them). */
  readonly alreadyPresent: number;
  /** Config and mode scopes the target already holds exactly as the source. */
  readonly settingsAlreadyEqual: number;
  /** Number of HTTP writes the plan makes (a config DELETE+PUT counts 2, a reservation 2). */
  readonly totalWrites: number;
}

export interface PlannedRegistration {
  /** Qualified subject (":.ctx:name" outside the default context). */
  readonly subject: string;
  readonly context: string;
  readonly version: number;
  readonly id: number;
  /** Exactly what is POSTed: explicit id and version, metadata and ruleSet on every version (docs/registry-semantics.md §12.13), never normalize. */
  readonly request: RegisterSchemaRequest;
  /** Indexes into `registrations` of the reference targets this one waits for (docs/registry-semantics.md §12.8). */
  readonly after: readonly number[];
}

export interface PlannedReservation {
  readonly context: string;
  /** The placeholder subject, qualified for the context. */
  readonly subject: string;
  readonly version: number;
  readonly id: number;
  readonly request: RegisterSchemaRequest;
}

export type PlannedDelete =
  | { readonly kind: 'subject'; readonly subject: string; readonly after: readonly number[] }
  | { readonly kind: 'version'; readonly subject: string; readonly version: number; readonly after: readonly number[] };

export interface PlannedConfigWrite {
  readonly scope: string;
  /** DELETE the scope's config before the PUT (a PUT merges, so a field that must disappear needs it, docs/registry-semantics.md §12.5). */
  readonly deleteFirst: boolean;
  /** The PUT body (`compatibility`, not `compatibilityLevel`); undefined means the scope ends unset (DELETE only). */
  readonly body?: Record<string, unknown>;
}

export interface PlannedModeWrite {
  readonly scope: string;
  /** undefined means DELETE (the scope ends unset, docs/registry-semantics.md §12.6). */
  readonly mode?: RegistryMode;
  /** `?force=true` on the PUT. */
  readonly force: boolean;
}

export type ImportConflictKind =
  /** The target binds the id, in that context, to different content than the export has for it. */
  | 'id-bound-to-other-content'
  /** The target's (subject, version) holds other content or another id; the server would silently overwrite it. */
  | 'subject-version-differs'
  /** The target has the version soft-deleted while the export has it live; the API cannot undelete. */
  | 'deleted-on-target'
  /** Without --force: the target holds content that is not in this export. */
  | 'target-not-empty'
  /** A version to remove (gone from the source) is referenced by a live target version that stays. */
  | 'removal-blocked'
  /** A reference resolves to a subject-version neither the export nor the target has. */
  | 'unresolved-reference'
  /** References form a cycle, so no registration order exists. */
  | 'reference-cycle'
  /** The export binds one id in one context to two different contents. */
  | 'export-inconsistent';

export interface ImportConflict {
  readonly kind: ImportConflictKind;
  readonly context?: string;
  readonly subject?: string;
  readonly version?: number;
  readonly id?: number;
  /** One line naming the cause and the fix. */
  readonly message: string;
}
