/**
 * POST /subjects/{s}/versions (docs/registry-semantics.md §3.4, §4.2): request parsing, the lock-free pre-check
 * and the registration itself. Validation happens before any change, so a refused request writes nothing.
 */
import type { SchemaReference, SchemaType } from '../../../../lambda/registry-client/types';
import { SCHEMA_TYPES, SchemaContent, canonicalSchemaText, makeContent } from '../content';
import { RegistryHttpError, errors } from '../errors';
import { QualifiedName, contextPrefix, isValidSubject, parseQualified, qualify, resolveReferenceSubject } from '../names';
import type { ResolvedOptions } from '../options';
import { effectiveMode, isImportLike, isReadOnly } from '../scopes';
import { RegistryState, StoredVersion, SubjectState, latestLive, versionKey } from '../state';
import { inheritFromPrevious } from './inherit';

const MAX_INT = 2 ** 31 - 1;

/** A parsed registration request; independent of the registry state. */
export interface ParsedRegistration {
  readonly name: QualifiedName;
  /** -1 when absent. */
  readonly id: number;
  /** 0 when absent or "latest" (-1). */
  readonly version: number;
  /** The request said `version: -1` ("latest"): the pre-check compares with the latest version only. */
  readonly latest: boolean;
  readonly content: SchemaContent;
}

/** A parsed request whose references resolved against the current state. */
export interface PreparedRegistration extends ParsedRegistration {
  readonly referenceTargets: readonly string[];
}

/** Parses and validates the request body and subject (400, 42201, 42202, 42208). */
export function parseRegistration(rawSubject: string, body: unknown): ParsedRegistration {
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
  const content = makeContent({
    schemaType: schemaType as SchemaType,
    schema: canonicalSchemaText(schemaType as SchemaType, schemaText),
    references,
    metadata,
    ruleSet,
  });
  return { name, id: id < 0 ? -1 : id, version, latest: rawVersion === -1, content };
}

/**
 * Resolves references against the current state (42201 when one is missing). With an id the server
 * does not validate "as new", so references may then point at soft-deleted versions.
 */
export function resolveRegistration(state: RegistryState, parsed: ParsedRegistration): PreparedRegistration {
  const lookupDeleted = parsed.id >= 0;
  const referenceTargets = (parsed.content.references ?? []).map((ref) =>
    resolveReference(state, parsed.name, ref, lookupDeleted, parsed.content.schemaType),
  );
  return { ...parsed, referenceTargets };
}

/** parseRegistration + resolveRegistration. */
export function prepareRegistration(state: RegistryState, rawSubject: string, body: unknown): PreparedRegistration {
  return resolveRegistration(state, parseRegistration(rawSubject, body));
}

/**
 * The pre-check (`registerOrForward`, no lock, any mode): when the content is already live under the
 * subject, a request without version (or "latest") returns it if its id is absent or equal; a request
 * with version and the same id returns it if that version holds it. Anything else goes on to register.
 */
export function findExisting(state: RegistryState, p: PreparedRegistration): StoredVersion | undefined {
  const subject = state.subject(p.name);
  if (!subject) return undefined;
  const direct = acceptExisting(subject, p, p.content.identity);
  if (direct) return direct;
  // Like lookUpSchemaUnderSubject: retry with metadata/ruleSet taken from the latest version.
  const inherited = inheritFromPrevious(p.content, latestLive(subject));
  return inherited === p.content ? undefined : acceptExisting(subject, p, inherited.identity);
}

function acceptExisting(subject: SubjectState, p: PreparedRegistration, identity: string): StoredVersion | undefined {
  const existing = p.latest ? sameContent(latestLive(subject), identity) : newestLiveWith(subject, identity);
  if (!existing) return undefined;
  if (p.version === 0) return p.id < 0 || p.id === existing.id ? existing : undefined;
  if (p.id !== existing.id) return undefined;
  if (existing.version === p.version) return existing;
  // The same schema imported under several versions: the requested one, if it holds the same id and content.
  const older = subject.versions.get(p.version);
  return older && !older.deleted && older.id === existing.id && older.content.identity === identity ? older : undefined;
}

function sameContent(v: StoredVersion | undefined, identity: string): StoredVersion | undefined {
  return v && v.content.identity === identity ? v : undefined;
}

/** The newest live version of the subject with this content. */
function newestLiveWith(subject: SubjectState, identity: string): StoredVersion | undefined {
  let match: StoredVersion | undefined;
  for (const v of subject.versions.values()) {
    if (!v.deleted && v.content.identity === identity && (!match || v.version > match.version)) match = v;
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
  // Messages as in checkRegisterMode: the qualified subject and context ('' for the default context).
  const where = `Subject ${qualify(p.name)} in context ${contextPrefix(context)}`;
  if (isReadOnly(mode)) throw errors.notPermitted(`${where} is in read-only mode`);
  // From 7.5 only an id needs IMPORT; before, an explicit version did too.
  const needsImport = p.id >= 0 || (!options.version.atLeast('7.5.0') && p.version > 0);
  if (needsImport) {
    if (!isImportLike(mode)) throw errors.notPermitted(`${where} is not in import mode`);
  } else if (mode !== 'READWRITE') {
    throw errors.notPermitted(`${where} is not in read-write mode`);
  }

  const ctx = state.context(context);
  const subject = ctx?.subjects.get(subjectName);
  let maxVersion = 0;
  if (subject) for (const v of subject.versions.keys()) maxVersion = Math.max(maxVersion, v);
  const newVersion = maxVersion + 1;

  let content = p.content;
  if (!isImportLike(mode)) {
    content = inheritFromPrevious(p.content, subject && latestLive(subject), {
      newVersion,
      requestNamedVersion: p.version !== 0,
    });
    if (content !== p.content && subject && p.version === 0) {
      const again = acceptExisting(subject, p, content.identity);
      if (again) return { stored: again, mutated: false };
    }
  }

  let schemaId = p.id;
  const sameContentIds = ctx?.idsByContent.get(content.identity);
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
    if (bound && bound.content.identity !== content.identity) {
      throw errors.notPermitted(`Overwrite new schema with id ${schemaId} in context ${contextPrefix(context)} is not permitted.`);
    }
  } else {
    schemaId = ctx?.maxId === undefined ? 1 : ctx.maxId + 1;
    while (ctx?.ids.has(schemaId)) schemaId++;
  }

  // docs/registry-semantics.md §4.2 step 10: soft-deleted earlier versions with the same id are tombstoned unless referenced.
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
    content,
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
  const found = ref.version === -1 ? subject && latestLive(subject) : subject?.versions.get(ref.version);
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
