import type { SchemaRegistryApi } from '../../registry-client/api';
import type { ConfigRecord, ModeRecord } from '../format/records';
import type { RegistrySnapshot } from '../format/snapshot';
import { contextScope } from '../../registry-client/names';

/**
 * Adds the settings of contexts the export has but the target does not list yet.
 * A context appears in `GET /contexts` only after its first registration, so the IMPORT
 * mode an interrupted run set on an empty context (or a compatibility override) is
 * invisible to the snapshot reader; without this a resumed run would set it again.
 */
export async function withUnlistedContextSettings(
  api: SchemaRegistryApi,
  source: RegistrySnapshot,
  target: RegistrySnapshot,
): Promise<RegistrySnapshot> {
  const listed = new Set(target.contexts);
  const scopes = source.contexts.filter((context) => !listed.has(context)).map(contextScope);
  if (scopes.length === 0) return target;
  const settings = await Promise.all(
    scopes.map(async (scope) => {
      const [config, mode] = await Promise.all([api.getConfig(scope), api.getMode(scope)]);
      return { scope, config, mode };
    }),
  );
  const configs: ConfigRecord[] = settings.flatMap(({ scope, config }) => (config ? [{ type: 'config' as const, scope, config }] : []));
  const modes: ModeRecord[] = settings.flatMap(({ scope, mode }) => (mode ? [{ type: 'mode' as const, scope, mode }] : []));
  return { ...target, configs: [...target.configs, ...configs], modes: [...target.modes, ...modes] };
}
