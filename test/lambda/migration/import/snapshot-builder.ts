import { contextOf } from '../../../../lambda/registry-client/names';
import type { RegistryConfig, RegistryMode, SchemaReference, SchemaType } from '../../../../lambda/registry-client/types';
import type { SchemaRecord } from '../../../../lambda/migration/format/records';
import type { RegistrySnapshot } from '../../../../lambda/migration/format/snapshot';

/** Terse builders for hand-written snapshots in the planner's unit tests. */

export function avro(name: string, fields: Array<{ name: string; type: unknown }> = []): string {
  return JSON.stringify({ type: 'record', name, fields });
}

export function schema(
  subject: string,
  version: number,
  id: number,
  extra: {
    schema?: string;
    schemaType?: SchemaType;
    references?: SchemaReference[];
    metadata?: Record<string, unknown>;
    ruleSet?: Record<string, unknown>;
    deleted?: boolean;
  } = {},
): SchemaRecord {
  return {
    type: 'schema',
    context: contextOf(subject),
    subject,
    version,
    id,
    schemaType: extra.schemaType ?? 'AVRO',
    schema: extra.schema ?? avro(`S${id}`),
    ...(extra.references ? { references: extra.references } : {}),
    ...(extra.metadata ? { metadata: extra.metadata } : {}),
    ...(extra.ruleSet ? { ruleSet: extra.ruleSet } : {}),
    deleted: extra.deleted ?? false,
  };
}

export function snapshot(parts: {
  schemas?: SchemaRecord[];
  configs?: Record<string, RegistryConfig>;
  modes?: Record<string, RegistryMode>;
  maxIds?: Record<string, number>;
}): RegistrySnapshot {
  const schemas = parts.schemas ?? [];
  const contexts = [...new Set(['.', ...schemas.map((s) => s.context)])].sort();
  return {
    contexts,
    schemas,
    configs: Object.entries(parts.configs ?? {}).map(([scope, config]) => ({ type: 'config', scope, config })),
    modes: Object.entries(parts.modes ?? {}).map(([scope, mode]) => ({ type: 'mode', scope, mode })),
    maxIds: Object.entries(parts.maxIds ?? {}).map(([context, maxId]) => ({ type: 'maxId', context, maxId })),
  };
}

/** An empty registry as the snapshot reader sees it: the top level always reports its config and mode. */
export function emptyTarget(): RegistrySnapshot {
  return snapshot({ configs: { '': { compatibilityLevel: 'BACKWARD' } }, modes: { '': 'READWRITE' } });
}
