import type { RegistryConfig, RegistryMode } from '../../registry-client/types';
import type { SchemaRecord } from '../format/records';
import type { ExpectedState } from '../format/expected-state';
import type { RegistrySnapshot } from '../format/snapshot';
import { describeScope, describeSubject, GLOBAL_SCOPE, TOP_LEVEL_SCOPE } from '../../registry-client/names';
import { looksLikeUnsetConfig, SERVER_DEFAULT_MODE } from '../snapshot';
import { isOwnReservation } from '../import/reserve';
import { normalisedSchemaText, sameJson, stableJson } from '../format/schema-content';
import type { DifferenceKind, DifferenceLocation, VerifyDifference, VerifyReport } from './report';

export type { ExpectedState };

/**
 * Compares what the target must hold with what it holds (docs/architecture.md §6 "Verify"): every
 * context, subject-version (id, type, schema text up to canonicalisation, references,
 * metadata, ruleSet, deleted flag), config and mode per scope, and next-id safety per
 * context (target max id >= source max id). Pure: no I/O.
 *
 * Tolerated on purpose (listed in `notes`, not counted):
 * - a source context with no schema at all missing on the target (contexts exist only
 *   through their schemas, so no import can create an empty one);
 * - a soft-deleted target version at the source's max id in a subject the source lacks:
 *   the import's id-reservation placeholder (docs/registry-semantics.md §12.10);
 * - a top-level config/mode on the target that is the server default where the expected
 *   state records none (GET answers the default when unset, docs/registry-semantics.md §12.6).
 */
export interface VerifyOptions {
  /**
   * Modes a running sync holds the target in on purpose (lambda/migration/import/held-modes.ts):
   * a target scope in its held mode is a note, not a difference, until the cut-over.
   */
  readonly heldModes?: ReadonlyMap<string, RegistryMode>;
}

export function verifyTarget(expected: ExpectedState, target: RegistrySnapshot, options: VerifyOptions = {}): VerifyReport {
  const differences: VerifyDifference[] = [];
  const notes: string[] = [];
  const add = (kind: DifferenceKind, location: DifferenceLocation, message: string, exp?: unknown, act?: unknown) =>
    differences.push({
      kind,
      location,
      ...(exp !== undefined ? { expected: exp } : {}),
      ...(act !== undefined ? { actual: act } : {}),
      message,
    });

  compareContexts(expected, target, add, notes);
  compareVersions(expected, target, add, notes);
  compareConfigs(expected, target, add, notes);
  compareModes(expected, target, add, notes, options.heldModes);
  compareMaxIds(expected, target, add);

  return {
    ok: differences.length === 0,
    differences,
    checked: {
      contexts: expected.contexts.length,
      versions: expected.schemas.length,
      configs: expected.configs.length,
      modes: expected.modes.length,
      maxIds: expected.maxIds.length,
    },
    notes,
  };
}

type Add = (kind: DifferenceKind, location: DifferenceLocation, message: string, expected?: unknown, actual?: unknown) => void;

function compareContexts(expected: RegistrySnapshot, target: RegistrySnapshot, add: Add, notes: string[]): void {
  const targetContexts = new Set(target.contexts);
  const expectedContexts = new Set(expected.contexts);
  const withSchemas = new Set(expected.schemas.map((s) => s.context));
  for (const context of expected.contexts) {
    if (targetContexts.has(context)) continue;
    if (!withSchemas.has(context)) {
      // A context exists only through its schemas; one whose schemas were all hard-deleted cannot be recreated.
      notes.push(`context ${context} has no schemas at the source, so an import cannot create it on the target`);
      continue;
    }
    add('context-missing', { context }, `context ${context} is missing on the target`);
  }
  for (const context of target.contexts) {
    if (!expectedContexts.has(context)) add('context-unexpected', { context }, `the target has context ${context}, the source does not`);
  }
}

function compareVersions(expected: ExpectedState, target: RegistrySnapshot, add: Add, notes: string[]): void {
  const targetByKey = new Map(target.schemas.map((s) => [key(s), s]));
  const expectedKeys = new Set<string>();
  for (const exp of expected.schemas) {
    expectedKeys.add(key(exp));
    const act = targetByKey.get(key(exp));
    const where = { context: exp.context, subject: exp.subject, version: exp.version };
    const label = describeSubject(exp.subject, exp.version);
    if (!act) {
      add('version-missing', where, `${label} (id ${exp.id}) is missing on the target`, summary(exp));
      continue;
    }
    if (act.id !== exp.id) add('id-differs', where, `${label} has id ${act.id} on the target, ${exp.id} at the source`, exp.id, act.id);
    if (act.schemaType !== exp.schemaType) {
      add(
        'schema-type-differs',
        where,
        `${label} is ${act.schemaType} on the target, ${exp.schemaType} at the source`,
        exp.schemaType,
        act.schemaType,
      );
    }
    // Both texts read as the source's type, so a type change is reported once, as schema-type-differs.
    if (normalisedSchemaText(exp.schemaType, exp.schema) !== normalisedSchemaText(exp.schemaType, act.schema)) {
      add('schema-differs', where, `${label} has different schema text on the target`, exp.schema, act.schema);
    }
    if (!sameJson(exp.references, act.references)) {
      add('references-differ', where, `${label} has different references on the target`, exp.references, act.references);
    }
    if (!sameJson(exp.metadata, act.metadata)) {
      add('metadata-differs', where, `${label} has different metadata on the target`, exp.metadata, act.metadata);
    }
    if (!sameJson(exp.ruleSet, act.ruleSet)) {
      add('ruleset-differs', where, `${label} has a different ruleSet on the target`, exp.ruleSet, act.ruleSet);
    }
    if (act.deleted !== exp.deleted) {
      add(
        'deleted-differs',
        where,
        `${label} is ${act.deleted ? 'soft-deleted' : 'live'} on the target, ${exp.deleted ? 'soft-deleted' : 'live'} at the source`,
        exp.deleted,
        act.deleted,
      );
    }
  }

  const maxIds = new Map(expected.maxIds.map((m) => [m.context, m.maxId]));
  const expectedIds = new Set(expected.schemas.map((s) => `${s.context}\u0000${s.id}`));
  const expectedSubjects = new Set(expected.schemas.map((s) => s.subject));
  for (const act of target.schemas) {
    if (expectedKeys.has(key(act))) continue;
    // The import's soft-deleted id placeholder: at the source's max id, or, after a final sync,
    // in the import's own reservation subject at an id the source has since passed (docs/registry-semantics.md §12.10).
    const isPlaceholder =
      act.deleted &&
      !expectedSubjects.has(act.subject) &&
      !expectedIds.has(`${act.context}\u0000${act.id}`) &&
      (maxIds.get(act.context) === act.id || isOwnReservation(act, expected));
    if (isPlaceholder) {
      notes.push(
        `${describeSubject(act.subject, act.version)} is the soft-deleted placeholder that reserves id ${act.id} in context ${act.context}`,
      );
      continue;
    }
    add(
      'version-unexpected',
      { context: act.context, subject: act.subject, version: act.version },
      `the target has ${describeSubject(act.subject, act.version)} (id ${act.id}), the source does not`,
      undefined,
      summary(act),
    );
  }
}

function compareConfigs(expected: RegistrySnapshot, target: RegistrySnapshot, add: Add, notes: string[]): void {
  const exp = new Map(expected.configs.map((c) => [c.scope, c.config]));
  const act = new Map(target.configs.map((c) => [c.scope, c.config]));
  for (const scope of unionSorted(exp.keys(), act.keys())) {
    const e = exp.get(scope);
    const a = act.get(scope);
    if (sameJson(e, a)) continue;
    if (e === undefined && a !== undefined && isDefaultingScope(scope) && looksLikeUnsetConfig(a as RegistryConfig)) {
      notes.push(`${describeScope(scope)}: the target answers the server default config ${stableJson(a)}; the source records none`);
      continue;
    }
    add('config-differs', { scope }, `${describeScope(scope)}: config ${render(a)} on the target, ${render(e)} at the source`, e, a);
  }
}

function compareModes(
  expected: ExpectedState,
  target: RegistrySnapshot,
  add: Add,
  notes: string[],
  heldModes: ReadonlyMap<string, RegistryMode> = new Map(),
): void {
  const exp = new Map(expected.modes.map((m) => [m.scope, m.mode]));
  const act = new Map(target.modes.map((m) => [m.scope, m.mode]));
  const frozen = new Set(expected.frozenScopes ?? []);
  for (const scope of unionSorted(exp.keys(), act.keys())) {
    const e = exp.get(scope);
    const a = act.get(scope);
    if (e === a) continue;
    if (a !== undefined && heldModes.get(scope) === a) {
      notes.push(`${describeScope(scope)}: held in ${a} while the sync runs; the cut-over sets ${e ?? 'unset'}`);
      continue;
    }
    if (e === undefined && a === SERVER_DEFAULT_MODE && isDefaultingScope(scope)) {
      notes.push(`${describeScope(scope)}: the target answers the default mode ${a}; the source records none`);
      continue;
    }
    const why = frozen.has(scope) && a === 'READONLY' ? ' (the migration freeze was carried over to the target)' : '';
    add(
      'mode-differs',
      { scope },
      `${describeScope(scope)}: mode ${a ?? 'unset'} on the target, ${e ?? 'unset'} at the source${why}`,
      e,
      a,
    );
  }
}

function compareMaxIds(expected: RegistrySnapshot, target: RegistrySnapshot, add: Add): void {
  const targetMax = new Map<string, number>();
  for (const s of target.schemas) targetMax.set(s.context, Math.max(targetMax.get(s.context) ?? 0, s.id));
  for (const m of target.maxIds) targetMax.set(m.context, Math.max(targetMax.get(m.context) ?? 0, m.maxId));
  for (const { context, maxId } of expected.maxIds) {
    const actual = targetMax.get(context);
    if (actual === undefined || actual < maxId) {
      add(
        'max-id-too-low',
        { context },
        `context ${context}: the target's highest id is ${actual ?? 'none'}, below the source's ${maxId}; ` +
          `the target could hand out ids ${(actual ?? 0) + 1}..${maxId} again while old records still carry them`,
        maxId,
        actual,
      );
    }
  }
}

/** Scopes whose GET answers the server default when unset (docs/registry-semantics.md §12.6). */
function isDefaultingScope(scope: string): boolean {
  return scope === TOP_LEVEL_SCOPE || scope === GLOBAL_SCOPE;
}

function key(s: SchemaRecord): string {
  return `${s.subject}\u0000${s.version}`;
}

function summary(s: SchemaRecord): Record<string, unknown> {
  return { id: s.id, schemaType: s.schemaType, deleted: s.deleted };
}

function unionSorted(a: Iterable<string>, b: Iterable<string>): string[] {
  return [...new Set([...a, ...b])].sort();
}

function render(value: unknown): string {
  return value === undefined ? 'unset' : stableJson(value);
}
