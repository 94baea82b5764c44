import pLimit = require('p-limit');
import type { SchemaRegistryApi } from '../../registry-client/api';
import { RegistryAuthError, RegistryError } from '../../registry-client/errors';
import type { MaxIdRecord, SchemaRecord } from '../format/records';
import { contextScope, DEFAULT_CONTEXT } from '../../registry-client/names';

export interface ReadMaxIdsResult {
  /** One per context that has at least one exported id, in `contexts` order. */
  readonly maxIds: MaxIdRecord[];
  /** Contexts whose max id came from the export alone (server without `fetchMaxId`). */
  readonly estimated: string[];
}

/**
 * The highest id each context has ever handed out (docs/registry-semantics.md §4.3, §12.10): it can belong to a
 * hard-deleted schema, above every exported id. Asks
 * `GET /schemas/ids/{anyId}?subject=:.ctx:&fetchMaxId=true` with an id the context is known
 * to hold; a server without `fetchMaxId` (no `maxId` in the answer) or one that refuses the
 * parameter gives the highest exported id instead, reported in `estimated`.
 * A context with no exported id (everything hard-deleted) gets no record.
 */
export async function readMaxIds(
  api: SchemaRegistryApi,
  contexts: readonly string[],
  schemas: readonly SchemaRecord[],
  concurrency = 16,
): Promise<ReadMaxIdsResult> {
  const highest = new Map<string, number>();
  for (const s of schemas) highest.set(s.context, Math.max(highest.get(s.context) ?? 0, s.id));

  const limit = pLimit(concurrency);
  const estimated: string[] = [];
  const answers = await Promise.all(
    contexts.map((context) =>
      limit(async (): Promise<MaxIdRecord | undefined> => {
        const exported = highest.get(context);
        if (exported === undefined) return undefined;
        const fromServer = await askMaxId(api, context, exported);
        if (fromServer === undefined) estimated.push(context);
        return { type: 'maxId', context, maxId: Math.max(exported, fromServer ?? 0) };
      }),
    ),
  );
  return { maxIds: answers.filter((r): r is MaxIdRecord => r !== undefined), estimated };
}

async function askMaxId(api: SchemaRegistryApi, context: string, anyId: number): Promise<number | undefined> {
  try {
    const answer = await api.getSchemaById(anyId, {
      ...(context === DEFAULT_CONTEXT ? {} : { subject: contextScope(context) }),
      fetchMaxId: true,
    });
    return typeof answer?.maxId === 'number' ? answer.maxId : undefined;
  } catch (error) {
    // An old server may reject the unknown parameter; auth and availability errors still stop the export.
    if (error instanceof RegistryError && !(error instanceof RegistryAuthError) && error.status < 500) return undefined;
    throw error;
  }
}
