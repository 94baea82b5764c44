/** Root, contexts and server metadata routes. */
import { errors } from '../errors';
import { DEFAULT_CONTEXT } from '../names';
import { Route, intParam, page } from '../router';

export const miscRoutes: Route[] = [
  // RootResource: "can be used to check for liveness".
  { method: 'GET', template: '/', kind: 'read', handle: () => ({ status: 200, body: {} }) },
  { method: 'POST', template: '/', kind: 'read', handle: () => ({ status: 200, body: {} }) },
  {
    method: 'GET',
    template: '/contexts',
    kind: 'read',
    handle: (ctx) => {
      const named = [...ctx.state.contexts.keys()].filter((c) => c !== DEFAULT_CONTEXT).sort();
      const all = [DEFAULT_CONTEXT, ...named];
      return { status: 200, body: page(all, intParam(ctx.query, 'offset', 0), intParam(ctx.query, 'limit', -1)) };
    },
  },
  {
    method: 'DELETE',
    template: '/contexts/{context}',
    kind: 'write',
    handle: (ctx) => {
      const raw = ctx.params[0];
      const name = raw.startsWith('.') ? raw : `.${raw}`;
      const context = ctx.state.context(name);
      if (!context || name === DEFAULT_CONTEXT) throw errors.httpNotFound();
      if (context.subjects.size > 0) throw errors.contextNotEmpty(name);
      ctx.state.contexts.delete(name);
      return { status: 204, mutated: true };
    },
  },
  {
    method: 'GET',
    template: '/v1/metadata/version',
    kind: 'read',
    handle: (ctx) => {
      if (!ctx.options.version.atLeast('7.3.0')) throw errors.httpNotFound();
      return { status: 200, body: { version: ctx.options.version.text, commitId: 'registry-double' } };
    },
  },
  {
    method: 'GET',
    template: '/v1/metadata/id',
    kind: 'read',
    handle: (ctx) => ({
      status: 200,
      body: {
        scope: { path: [], clusters: { 'kafka-cluster': ctx.options.kafkaClusterId, 'schema-registry-cluster': 'schema-registry' } },
      },
    }),
  },
];
