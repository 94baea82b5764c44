/**
 * POST /subjects/{s}/versions (reference §3.4, §4.2): request parsing, the lock-free pre-check
 * and the registration itself. Validation happens before any change, so a refused request writes nothing.
 */
import type { SchemaReference, SchemaType } from '../../../../lambda/registry-client/types';
import { SCHEMA_TYPES, SchemaContent, canonicalSchemaText, makeContent } from '../content';
import { RegistryHttpError, errors } from '../errors';
import { QualifiedName, isValidSubject, parseQualified, qualify, resolveReferenceSubject } from '../names';
import type { ResolvedOptions } from '../options';
import { effectiveMode, isImportLike, isReadOnly } from '../scopes';
import { RegistryState, StoredVersion, latestLive, versionKey } from '../state';

const MAX_INT = 2 ** 31 - 1;

/** A validated registration request. */
export interface PreparedRegistration {
  readonly name: QualifiedName;
  /** -1 when absent. */
  readonly id: number;
  /** 0 when absent or "latest" (-1). */
  readonly version: number;
  readonly content: SchemaContent;
  readonly referenceTargets: readonly string[];
}

/** Parses and validates the request; resolves references (42201 when one is missing). */
export function prepareRegistration(state: RegistryState, rawSubject: string, body: unknown): PreparedRegistration {
  if (!isValidSubject(rawSubject, false)) throw errors.invalidSubject(rawSubject);
  const name = parseQualified(rawSubject);
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw errors.badJson('the request body must be a JSON object (RegisterSchemaRequest)');
  }
  const req = body as Record<string, unknown>;
  const id = optionalInt(req.id, 'id', -1);
  if (id > MAX_INT) throw errors.badJson(`id ${id} is out of range of int`);
  const rawVersion = optionalInt(req.version, 'version', 0);
  if (rawVersion > MAX_INT || rawVersion < -1) throw errors.invalidVersion(String(rawVersion));
  const version = rawVersion === -1 ? 0 : rawVersion;

  const schemaType = optionalString(req.schemaType, 'schemaType') ?? 'AVRO';
  if (!SCHEMA_TYPES.includes(schemaType as SchemaType)) throw errors.invalidSchema(`: invalid schema type ${schemaType}`);
  const schemaText = optionalString(req.schema, 'schema');
  if (schemaText === undefined) throw errors.invalidSchema(': the "schema" field is empty');
  const references = parseReferences(req.references);
  const metadata = optionalObject(req.metadata, 'metadata');
  const ruleSet = optionalObject(req.ruleSet, 'ruleSet');

  // With an id the server does not validate "as new", so references may point at soft-deleted versions.
  const lookupDeleted = id >= 0;
  const referenceTargets = references.map((ref) => resolveReference(state, name, ref, lookupDeleted, schemaType));
  const content = makeContent({
    schemaType: schemaType as SchemaType,
    schema: canonicalSchemaText(schemaType as SchemaType, schemaText),
    references,
    metadata,
    ruleSet,
  });
  return { name, id: id < 0 ? -1 : id, version, content, referenceTargets };
}

/**
 * The pre-check (`registerOrForward`, no lock, any mode): the same content already registered and live
 * under this subject is returned when the request's id and version are absent or equal to it.
 */
export function findExisting(state: RegistryState, p: PreparedRegistration): StoredVersion | undefined {
  const subject = state.subject(p.name);
  if (!subject) return undefined;
  let match: StoredVersion | undefined;
  for (const v of subject.versions.values()) {
    if (v.deleted || v.content.identity !== p.content.identity) continue;
    if (p.id >= 0 && v.id !== p.id) continue;
    if (p.version > 0 && v.version !== p.version) continue;
    if (!match || v.version > match.version) match = v;
  }
  return match;
}

/** Registers under the write lock. Returns the stored version and whether anything changed. */
export function registerVersion(
  state: RegistryState,
  options: ResolvedOptions,
  p: PreparedRegistration,
  now: number,
): { stored: StoredVersion; mutated: boolean } {
  const existing = findExisting(state, p);
  if (existing) return { stored: existing, mutated: false };

  const { context, subject: subjectName } = p.name;
  const mode = effectiveMode(state, options, qualify(p.name));
  if (isReadOnly(mode)) throw errors.notPermitted(`Subject ${subjectName} in context ${context} is in read-only mode`);
  // From 7.5 only an id needs IMPORT; before, an explicit version did too.
  const needsImport = p.id >= 0 || (!options.version.atLeast('7.5.0') && p.version > 0);
  if (needsImport) {
    if (!isImportLike(mode)) throw errors.notPermitted(`Subject ${subjectName} in context ${context} is not in import mode`);
  } else if (mode !== 'READWRITE') {
    throw errors.notPermitted(`Subject ${subjectName} in context ${context} is not in read-write mode`);
  }

  const ctx = state.context(context);
  const subject = ctx?.subjects.get(subjectName);
  let maxVersion = 0;
  if (subject) for (const v of subject.versions.keys()) maxVersion = Math.max(maxVersion, v);
  const newVersion = maxVersion + 1;

  let schemaId = p.id;
  const sameContentIds = ctx?.idsByContent.get(p.content.identity);
  if (sameContentIds && sameContentIds.size > 0) {
    const first = sameContentIds.values().next().value as number;
    if (schemaId < 0) schemaId = first;
    else if (!sameContentIds.has(schemaId) && !allowsSameContentUnderNewId(options)) {
      throw errors.idDoesNotMatch(first, schemaId);
    }
  }

  let version = newVersion;
  if (p.version > 0) {
    if (!isImportLike(mode) && p.version !== newVersion) {
      throw new RegistryHttpError(422, 42201, 'Version is not one more than previous version');
    }
    version = p.version;
  }

  if (schemaId >= 0) {
    const bound = ctx?.ids.get(schemaId);
    if (bound && bound.content.identity !== p.content.identity) {
      throw errors.notPermitted(`Overwrite new schema with id ${schemaId} in context ${context} is not permitted.`);
    }
  } else {
    schemaId = ctx?.maxId === undefined ? 1 : ctx.maxId + 1;
    while (ctx?.ids.has(schemaId)) schemaId++;
  }

  // §4.2 step 10: soft-deleted earlier versions with the same id are tombstoned unless referenced.
  if (subject) {
    for (const v of [...subject.versions.values()]) {
      if (v.deleted && v.id === schemaId && v.version !== version && state.referrersOf(v, false).length === 0) {
        state.remove(v);
      }
    }
  }

  const stored: StoredVersion = {
    context,
    subject: subjectName,
    qualified: qualify(p.name),
    version,
    id: schemaId,
    content: p.content,
    ts: now,
    deleted: false,
    referenceTargets: p.referenceTargets,
  };
  state.put(stored);
  return { stored, mutated: true };
}

/** Since DGS-3783 (7.0.4, 7.2) the requested id wins over an existing id of the same content; older servers answer 42207. */
function allowsSameContentUnderNewId(options: ResolvedOptions): boolean {
  const [major, minor, patch] = options.version.parts;
  return options.version.atLeast('7.2.0') || (major === 7 && minor === 0 && patch >= 4);
}

function resolveReference(
  state: RegistryState,
  parent: QualifiedName,
  ref: SchemaReference,
  lookupDeleted: boolean,
  schemaType: string,
): string {
  const target = resolveReferenceSubject(parent, ref.subject);
  const subject = state.subject(target);
  const found =
    ref.version === -1
      ? subject && latestLive(subject)
      : subject?.versions.get(ref.version);
  if (!found || (found.deleted && !lookupDeleted)) {
    throw errors.invalidSchema(
      `of type ${schemaType}, details: No schema reference found for subject "${ref.subject}" and version ${ref.version}`,
    );
  }
  return versionKey(found.context, found.subject, found.version);
}

function parseReferences(value: unknown): SchemaReference[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw errors.badJson('"references" must be an array');
  return value.map((r: unknown) => {
    if (r === null || typeof r !== 'object' || Array.isArray(r)) throw errors.badJson('each reference must be an object');
    const ref = r as Record<string, unknown>;
    const name = optionalString(ref.name, 'references[].name');
    const subject = optionalString(ref.subject, 'references[].subject');
    const version = ref.version === undefined || ref.version === null ? undefined : optionalInt(ref.version, 'references[].version', 0);
    if (name === undefined || subject === undefined || version === undefined) {
      throw errors.invalidSchema(': Invalid reference (name, subject and version are required)');
    }
    return { name, subject, version };
  });
}

function optionalInt(value: unknown, field: string, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw errors.badJson(`"${field}" must be an integer`);
  return value;
}

function optionalString(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw errors.badJson(`"${field}" must be a string`);
  return value;
}

function optionalObject(value: unknown, field: string): Record<string, unknown> | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw errors.badJson(`"${field}" must be an object`);
  return value as Record<string, unknown>;
}
