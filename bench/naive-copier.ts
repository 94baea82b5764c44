import { performance } from 'node:perf_hooks';
import type { SchemaRegistryApi } from '../lambda/registry-client/api';

/**
 * The baseline the issue names: a copier that walks the source one version at a time,
 * GET then POST, nothing in parallel (what a straightforward script does). It copies
 * only subject-versions (no deletes, configs or modes), so its write count is a floor
 * for what a complete import must write. Read and write time are summed separately.
 * A sample of subjects keeps the benchmark short; it must keep each referrer together
 * with the subject it references (bench/corpus.ts: the subject just before it).
 */
export async function naiveCopy(
  source: SchemaRegistryApi,
  target: SchemaRegistryApi,
  /** Which subjects (by listing position) to copy; the caller scales the times up. @default all */
  sample: (position: number) => boolean = () => true,
): Promise<{ readMs: number; writeMs: number; versions: number; subjects: number }> {
  let readMs = 0;
  let writeMs = 0;
  const timed = async <T>(kind: 'read' | 'write', call: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await call();
    } finally {
      if (kind === 'read') readMs += performance.now() - start;
      else writeMs += performance.now() - start;
    }
  };

  const contexts = await timed('read', () => source.listContexts());
  for (const context of contexts) {
    await timed('write', () => target.putMode(context === '.' ? undefined : `:${context}:`, 'IMPORT'));
  }
  let versions = 0;
  const allSubjects = await timed('read', () => source.listSubjects({ deleted: true }));
  const subjects = allSubjects.filter((_, at) => sample(at));
  for (const subject of subjects) {
    const numbers = (await timed('read', () => source.listVersions(subject, { deleted: true }))) ?? [];
    for (const version of numbers) {
      const schema = await timed('read', () => source.getVersion(subject, version, { deleted: true }));
      if (!schema) continue;
      await timed('write', () =>
        target.register(subject, {
          schema: schema.schema,
          schemaType: schema.schemaType,
          ...(schema.references ? { references: schema.references } : {}),
          ...(schema.metadata ? { metadata: schema.metadata } : {}),
          ...(schema.ruleSet ? { ruleSet: schema.ruleSet } : {}),
          id: schema.id,
          version: schema.version,
        }),
      );
      versions++;
    }
  }
  return { readMs, writeMs, versions, subjects: subjects.length };
}
