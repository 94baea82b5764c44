import pLimit = require('p-limit');
import type { SchemaRegistryApi } from '../lambda/registry-client/api';
import { benchDeletes, benchSettings, benchVersions, NAMED_CONTEXT } from './corpus';

/**
 * Fills an empty registry (run at 0 ms latency, not measured) with the benchmark corpus
 * through IMPORT mode, the way a real registry would hold it: referenced versions first,
 * soft deletes after, one hard-deleted schema above every live id (so the import has a
 * max id to reserve), then configs and modes.
 */
export async function populateBenchRegistry(api: SchemaRegistryApi): Promise<{ versions: number }> {
  const limit = pLimit(16);
  const contextScope = `:${NAMED_CONTEXT}:`;
  await api.putMode(undefined, 'IMPORT');
  await api.putMode(contextScope, 'IMPORT');

  const versions = benchVersions();
  for (const wave of [versions.filter((v) => !v.isReferrer), versions.filter((v) => v.isReferrer)]) {
    await Promise.all(wave.map((v) => limit(() => api.register(v.subject, v.request))));
  }

  const hardDeleted = 'bench-hard-deleted';
  await api.register(hardDeleted, { schema: '{"type":"record","name":"Gone","fields":[]}', schemaType: 'AVRO', id: 999_999, version: 1 });
  await api.deleteSubject(hardDeleted);
  await api.deleteSubject(hardDeleted, { permanent: true });

  const deletes = benchDeletes();
  await Promise.all(deletes.versions.map((d) => limit(() => api.deleteVersion(d.subject, d.version))));
  await Promise.all(deletes.subjects.map((s) => limit(() => api.deleteSubject(s))));

  const settings = benchSettings();
  await Promise.all(settings.configs.map((c) => limit(() => api.putConfig(c.scope === '' ? undefined : c.scope, c.body))));
  await Promise.all(settings.modes.map((m) => limit(() => api.putMode(m.scope, m.mode, { force: true }))));
  await api.deleteMode(contextScope);
  await api.putMode(undefined, 'READWRITE', { force: true });
  return { versions: versions.length };
}

/**
 * What a live source does between the first sync and the cut-over: `versions` new
 * subject-versions registered the ordinary way (READWRITE, the server picks the ids), four
 * versions per new subject.
 */
export async function changeSource(api: SchemaRegistryApi, versions: number): Promise<void> {
  for (let i = 0; i < versions; i++) {
    const [subject, version] = [Math.floor(i / 4), i % 4];
    // Each version adds an optional field: a compatible evolution under any compatibility level.
    const extras = Array.from({ length: version }, (_, f) => ({ name: `extra_${f}`, type: ['null', 'string'], default: null }));
    const schema = JSON.stringify({
      type: 'record',
      name: `Live${subject}`,
      namespace: 'bench.live',
      fields: [{ name: 'id', type: 'string' }, ...extras],
    });
    await api.register(`bench-live-${String(subject).padStart(4, '0')}-value`, { schema, schemaType: 'AVRO' });
  }
}
