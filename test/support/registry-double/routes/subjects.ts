/** /subjects routes: listing, reading, registering, lookup and deleting subject-versions (docs/registry-semantics.md §2, §4, §5). */
import { errors } from '../errors';
import { parseQualified } from '../names';
import { renderRegisterResponse, renderSchema } from '../render';
import { Reply, RequestContext, Route, boolParam, intParam, page } from '../router';
import { deleteSubject, deleteVersion } from '../rules/delete';
import {
  ParsedRegistration,
  findExisting,
  parseRegistration,
  prepareRegistration,
  registerVersion,
  resolveRegistration,
} from '../rules/register';
import { parseVersionId } from '../rules/version-id';
import { StoredVersion, hasLive, latestLive, sortedVersionsOf } from '../state';

/** The pre-check's parse, reused under the lock (canonicalizing twice would double the CPU cost per import). */
const parsedRequests = new WeakMap<RequestContext, ParsedRegistration>();

export const subjectRoutes: Route[] = [
  { method: 'GET', template: '/subjects', kind: 'read', handle: listSubjects },
  { method: 'GET', template: '/subjects/{subject}/versions', kind: 'read', handle: listVersions },
  {
    method: 'GET',
    template: '/subjects/{subject}/versions/{version}',
    kind: 'read',
    handle: (ctx) => ({ status: 200, body: renderSchema(lookupVersion(ctx), ctx.options) }),
  },
  {
    method: 'GET',
    template: '/subjects/{subject}/versions/{version}/schema',
    kind: 'read',
    handle: (ctx) => ({ status: 200, rawText: lookupVersion(ctx).content.schema }),
  },
  { method: 'GET', template: '/subjects/{subject}/versions/{version}/referencedby', kind: 'read', handle: referencedBy },
  { method: 'POST', template: '/subjects/{subject}', kind: 'read', handle: lookupSchema },
  {
    method: 'POST',
    template: '/subjects/{subject}/versions',
    kind: 'register',
    precheck: (ctx) => {
      const parsed = parseRegistration(ctx.params[0], ctx.body);
      parsedRequests.set(ctx, parsed);
      const existing = findExisting(ctx.state, resolveRegistration(ctx.state, parsed));
      return existing ? { status: 200, body: renderRegisterResponse(existing, ctx.options) } : undefined;
    },
    handle: (ctx) => {
      // References are resolved again under the lock: the state may have changed since the pre-check.
      const parsed = parsedRequests.get(ctx) ?? parseRegistration(ctx.params[0], ctx.body);
      const prepared = resolveRegistration(ctx.state, parsed);
      const { stored, mutated } = registerVersion(ctx.state, ctx.options, prepared, ctx.now);
      return { status: 200, body: renderRegisterResponse(stored, ctx.options), mutated };
    },
  },
  {
    method: 'DELETE',
    template: '/subjects/{subject}',
    kind: 'write',
    handle: (ctx) => ({
      status: 200,
      body: deleteSubject(ctx.state, ctx.options, ctx.params[0], boolParam(ctx.query, 'permanent')),
      mutated: true,
    }),
  },
  {
    method: 'DELETE',
    template: '/subjects/{subject}/versions/{version}',
    kind: 'write',
    handle: (ctx) => ({
      status: 200,
      body: deleteVersion(ctx.state, ctx.options, ctx.params[0], ctx.params[1], boolParam(ctx.query, 'permanent')),
      mutated: true,
    }),
  },
];

/** GET /subjects: `subjectPrefix` default ":*:" (every context); "" is the default context only. */
function listSubjects(ctx: RequestContext): Reply {
  const { query, state, options } = ctx;
  const prefix = parseQualified(query.get('subjectPrefix') ?? ':*:');
  const deletedOnly = options.version.atLeast('7.4.0') && boolParam(query, 'deletedOnly');
  const deleted = boolParam(query, 'deleted');
  const out: string[] = [];
  for (const qualified of state.sortedSubjects()) {
    const name = parseQualified(qualified);
    if (prefix.context !== '*' && prefix.context !== name.context) continue;
    if (!name.subject.startsWith(prefix.subject)) continue;
    const live = hasLive(state.subject(name));
    if (deletedOnly ? !live : deleted || live) out.push(qualified);
  }
  return { status: 200, body: pageIfSupported(ctx, out) };
}

function listVersions(ctx: RequestContext): Reply {
  const { query, state, options } = ctx;
  const subject = state.subject(parseQualified(ctx.params[0]));
  if (!subject) throw errors.subjectNotFound(ctx.params[0]);
  const deletedOnly = options.version.atLeast('7.4.0') && boolParam(query, 'deletedOnly');
  const asNegative = options.version.atLeast('8.2.0') && boolParam(query, 'deletedAsNegative');
  const deleted = boolParam(query, 'deleted') || asNegative;
  const versions = sortedVersionsOf(subject);
  let out: number[];
  if (deletedOnly) {
    out = versions.filter((v) => v.deleted).map((v) => v.version);
  } else if (deleted) {
    out = versions.map((v) => (asNegative && v.deleted ? -v.version : v.version));
  } else {
    out = versions.filter((v) => !v.deleted).map((v) => v.version);
    if (out.length === 0) throw errors.subjectNotFound(ctx.params[0]);
  }
  return { status: 200, body: pageIfSupported(ctx, out) };
}

/** offset/limit on the subject listings exist from 8.0. */
function pageIfSupported<T>(ctx: RequestContext, items: T[]): T[] {
  if (!ctx.options.version.atLeast('8.0.0')) return items;
  return page(items, intParam(ctx.query, 'offset', 0), intParam(ctx.query, 'limit', -1));
}

/** Resolves {subject}/{version} with the docs/registry-semantics.md §2 error table: 42202, then 40401, then 40402. */
function lookupVersion(ctx: RequestContext): StoredVersion {
  const versionId = parseVersionId(ctx.params[1]);
  const rawSubject = ctx.params[0];
  const subject = ctx.state.subject(parseQualified(rawSubject));
  const deleted = boolParam(ctx.query, 'deleted');
  if (!subject) throw errors.subjectNotFound(rawSubject);
  const live = hasLive(subject);
  if (!live && !deleted) throw errors.subjectNotFound(rawSubject);
  if (versionId === 'latest') {
    const latest = latestLive(subject) ?? sortedVersionsOf(subject).pop();
    if (!latest) throw errors.subjectNotFound(rawSubject);
    return latest;
  }
  const v = subject.versions.get(versionId);
  if (!v || (v.deleted && !deleted)) throw errors.versionNotFound(ctx.params[1]);
  return v;
}

/** GET .../referencedby: ids (in the referring context) of the schemas referencing this version. */
function referencedBy(ctx: RequestContext): Reply {
  const target = lookupVersion(ctx);
  const ids = new Set(ctx.state.referrersOf(target, !boolParam(ctx.query, 'deleted')).map((r) => r.id));
  return { status: 200, body: [...ids].sort((a, b) => a - b) };
}

/** POST /subjects/{s}: is this schema registered under the subject? 40401 / 40403 otherwise. */
function lookupSchema(ctx: RequestContext): Reply {
  const prepared = prepareRegistration(ctx.state, ctx.params[0], ctx.body);
  const subject = ctx.state.subject(prepared.name);
  const deleted = boolParam(ctx.query, 'deleted');
  if (!subject || (!deleted && !hasLive(subject))) throw errors.subjectNotFound(ctx.params[0]);
  let match: StoredVersion | undefined;
  for (const v of subject.versions.values()) {
    if ((deleted || !v.deleted) && v.content.identity === prepared.content.identity && (!match || v.version > match.version)) {
      match = v;
    }
  }
  if (!match) throw errors.schemaNotFound();
  return { status: 200, body: renderSchema(match, ctx.options) };
}
