/** /mode routes (docs/registry-semantics.md §3.1, §3.3): unset subject/context mode is 40409; top level and :.__GLOBAL: resolve to defaults. */
import { errors } from '../errors';
import { GLOBAL_CONTEXT_SCOPE, TOP_LEVEL_SCOPE, scopeKey } from '../names';
import { Reply, RequestContext, Route, boolParam } from '../router';
import { deleteMode, setMode } from '../rules/mode';
import { effectiveMode } from '../scopes';

export const modeRoutes: Route[] = [
  { method: 'GET', template: '/mode', kind: 'read', handle: (ctx) => getMode(ctx, undefined) },
  { method: 'GET', template: '/mode/{subject}', kind: 'read', handle: (ctx) => getMode(ctx, ctx.params[0]) },
  { method: 'PUT', template: '/mode', kind: 'write', handle: (ctx) => putMode(ctx, undefined) },
  { method: 'PUT', template: '/mode/{subject}', kind: 'write', handle: (ctx) => putMode(ctx, ctx.params[0]) },
  {
    method: 'DELETE',
    template: '/mode',
    kind: 'write',
    handle: (ctx) => ({ status: 200, body: { mode: deleteMode(ctx.state, ctx.options, undefined) }, mutated: true }),
  },
  {
    method: 'DELETE',
    template: '/mode/{subject}',
    kind: 'write',
    handle: (ctx) => ({ status: 200, body: { mode: deleteMode(ctx.state, ctx.options, ctx.params[0]) }, mutated: true }),
  },
];

function getMode(ctx: RequestContext, rawScope: string | undefined): Reply {
  const key = rawScope === undefined ? TOP_LEVEL_SCOPE : scopeKey(rawScope);
  const { state, options } = ctx;
  if (key === TOP_LEVEL_SCOPE || key === GLOBAL_CONTEXT_SCOPE || boolParam(ctx.query, 'defaultToGlobal')) {
    return { status: 200, body: { mode: effectiveMode(state, options, key) } };
  }
  const mode = state.modes.get(key);
  if (mode === undefined) throw errors.subjectModeNotSet(rawScope ?? '');
  return { status: 200, body: { mode } };
}

function putMode(ctx: RequestContext, rawScope: string | undefined): Reply {
  const { mode, mutated } = setMode(ctx.state, ctx.options, rawScope, ctx.body, boolParam(ctx.query, 'force'));
  // NON_EMPTY: clearing with {"mode":null} echoes {}.
  return { status: 200, body: mode === null ? {} : { mode }, mutated };
}
