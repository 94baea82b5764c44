/** /config routes (docs/registry-semantics.md §3.1): unset subject/context config is 40408; top level and :.__GLOBAL: fall back to defaults. */
import { errors } from '../errors';
import { GLOBAL_CONTEXT_SCOPE, TOP_LEVEL_SCOPE, scopeKey } from '../names';
import { Reply, RequestContext, Route, boolParam } from '../router';
import { deleteConfig, updateConfig } from '../rules/config';
import { effectiveConfig } from '../scopes';

export const configRoutes: Route[] = [
  { method: 'GET', template: '/config', kind: 'read', handle: (ctx) => getConfig(ctx, undefined) },
  { method: 'GET', template: '/config/{subject}', kind: 'read', handle: (ctx) => getConfig(ctx, ctx.params[0]) },
  {
    method: 'PUT',
    template: '/config',
    kind: 'write',
    handle: (ctx) => ({ status: 200, body: updateConfig(ctx.state, ctx.options, undefined, ctx.body), mutated: true }),
  },
  {
    method: 'PUT',
    template: '/config/{subject}',
    kind: 'write',
    handle: (ctx) => ({ status: 200, body: updateConfig(ctx.state, ctx.options, ctx.params[0], ctx.body), mutated: true }),
  },
  {
    method: 'DELETE',
    template: '/config',
    kind: 'write',
    handle: (ctx) => ({ status: 200, body: deleteConfig(ctx.state, ctx.options, undefined), mutated: true }),
  },
  {
    method: 'DELETE',
    template: '/config/{subject}',
    kind: 'write',
    handle: (ctx) => ({ status: 200, body: deleteConfig(ctx.state, ctx.options, ctx.params[0]), mutated: true }),
  },
];

function getConfig(ctx: RequestContext, rawScope: string | undefined): Reply {
  const key = rawScope === undefined ? TOP_LEVEL_SCOPE : scopeKey(rawScope);
  const { state, options } = ctx;
  if (key === TOP_LEVEL_SCOPE || key === GLOBAL_CONTEXT_SCOPE) {
    return { status: 200, body: { compatibilityLevel: options.defaultCompatibility, ...(state.configs.get(key) ?? {}) } };
  }
  if (boolParam(ctx.query, 'defaultToGlobal')) return { status: 200, body: effectiveConfig(state, options, key) };
  const stored = state.configs.get(key);
  if (stored === undefined) throw errors.subjectConfigNotSet(rawScope ?? '');
  return { status: 200, body: stored };
}
