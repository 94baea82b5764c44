/** /schemas routes: bulk listing with the page cap, lookups by id, types (docs/registry-semantics.md §2). */
import { SCHEMA_TYPES } from '../content';
import { errors } from '../errors';
import { DEFAULT_CONTEXT, QualifiedName, parseQualified } from '../names';
import { renderSchema, renderSchemaString } from '../render';
import { Reply, RequestContext, Route, boolParam, intParam, intPathParam, page } from '../router';
import type { ContextState, IdBinding, StoredVersion } from '../state';

export const schemaRoutes: Route[] = [
  { method: 'GET', template: '/schemas', kind: 'read', handle: listSchemas },
  { method: 'GET', template: '/schemas/types', kind: 'read', handle: () => ({ status: 200, body: [...SCHEMA_TYPES] }) },
  { method: 'GET', template: '/schemas/ids/{id}', kind: 'read', handle: schemaById },
  {
    method: 'GET',
    template: '/schemas/ids/{id}/versions',
    kind: 'read',
    handle: (ctx) => ({
      status: 200,
      body: holdersOf(ctx).map((v) => ({ subject: v.qualified, version: v.version })),
    }),
  },
  {
    method: 'GET',
    template: '/schemas/ids/{id}/subjects',
    kind: 'read',
    handle: (ctx) => ({ status: 200, body: [...new Set(holdersOf(ctx).map((v) => v.qualified))] }),
  },
];

/**
 * GET /schemas: `subjectPrefix` default "" (default context only), ":*:" every context; sorted by subject
 * then version; `limit` above the cap (or absent) is replaced by the default, like `normalizeLimit`.
 */
function listSchemas(ctx: RequestContext): Reply {
  const { query, state, options } = ctx;
  const prefix = parseQualified(query.get('subjectPrefix') ?? '');
  const deleted = boolParam(query, 'deleted');
  const latestOnly = boolParam(query, 'latestOnly');
  const offset = intParam(query, 'offset', 0);
  const requested = intParam(query, 'limit', -1);
  const limit = requested > 0 && requested <= options.schemasPageLimit ? requested : options.schemasPageLimit;
  let matching: StoredVersion[] = state
    .sortedVersions()
    .filter(
      (v) => (deleted || !v.deleted) && (prefix.context === '*' || prefix.context === v.context) && v.subject.startsWith(prefix.subject),
    );
  if (latestOnly) {
    // Sorted by subject then version: the last entry of each subject run is its latest.
    matching = matching.filter((v, i) => i === matching.length - 1 || matching[i + 1].qualified !== v.qualified);
  }
  return { status: 200, body: page(matching, offset, limit).map((v) => renderSchema(v, options)) };
}

/** Context named by `?subject=` (default context when absent). */
function contextOf(ctx: RequestContext): { name: QualifiedName | undefined; context: ContextState | undefined } {
  const raw = ctx.query.get('subject');
  const name = raw === null ? undefined : parseQualified(raw);
  return { name, context: ctx.state.context(name && name.context !== '*' ? name.context : DEFAULT_CONTEXT) };
}

/**
 * The id binding; an unqualified non-empty `?subject=` also searches the other contexts
 * (`getSchemaKeyUsingContexts`), which is why "did my write land?" checks must compare the subject.
 */
function findBinding(ctx: RequestContext): { binding: IdBinding; context: ContextState; name?: QualifiedName } {
  const id = intPathParam(ctx.params[0]);
  const { name, context } = contextOf(ctx);
  const direct = context?.ids.get(id);
  if (context && direct) return { binding: direct, context, name };
  const raw = ctx.query.get('subject');
  if (raw !== null && raw !== '' && name?.context === DEFAULT_CONTEXT && !raw.startsWith(':')) {
    const others = [...ctx.state.contexts.keys()].sort();
    for (const other of others) {
      const c = ctx.state.context(other)!;
      const b = c.ids.get(id);
      if (b) return { binding: b, context: c, name: { context: other, subject: name.subject } };
    }
  }
  throw errors.schemaNotFound(id);
}

function schemaById(ctx: RequestContext): Reply {
  const { binding, context, name } = findBinding(ctx);
  const holder =
    name && name.subject !== ''
      ? [...binding.holders].filter((v) => v.subject === name.subject).sort((a, b) => b.version - a.version)[0]
      : undefined;
  const maxId = boolParam(ctx.query, 'fetchMaxId') ? context.maxId : undefined;
  return { status: 200, body: renderSchemaString(binding.content, ctx.options, { holder, maxId }) };
}

function holdersOf(ctx: RequestContext): StoredVersion[] {
  const { binding } = findBinding(ctx);
  const deleted = boolParam(ctx.query, 'deleted');
  return [...binding.holders]
    .filter((v) => deleted || !v.deleted)
    .sort((a, b) => (a.qualified < b.qualified ? -1 : a.qualified > b.qualified ? 1 : a.version - b.version));
}
