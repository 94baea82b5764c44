import type { SchemaRegistryApi } from '../../../../lambda/registry-client/api';
import { readRegistrySnapshotDetailed } from '../../../../lambda/migration/snapshot/read-snapshot';
import type { SchemaRecord } from '../../../../lambda/migration/format/records';
import { expectedCorpusSnapshot } from '../fixtures/corpus';
import { startTestRegistry, type TestRegistry } from '../fixtures/corpus-registry';

function find(schemas: readonly SchemaRecord[], subject: string, version: number): SchemaRecord | undefined {
  return schemas.find((s) => s.subject === subject && s.version === version);
}

describe('readRegistrySnapshot on an 8.x source (bulk listing with deleted flags)', () => {
  let registry: TestRegistry;
  beforeAll(async () => {
    registry = await startTestRegistry({ corpus: true, version: '8.1.0' });
  });
  afterAll(() => registry.close());

  it('reads exactly the corpus, in the stable order, through the bulk endpoint', async () => {
    const read = await readRegistrySnapshotDetailed(registry.api);
    expect(read.method).toBe('bulk');
    expect(read.serverVersion).toBe('8.1.0');
    expect(read.snapshot).toEqual(expectedCorpusSnapshot());
  });

  it('carries every corpus feature (spot checks)', async () => {
    const { snapshot } = await readRegistrySnapshotDetailed(registry.api);
    const s = snapshot.schemas;
    // Diamond: A refs B and C, both ref D.
    expect(find(s, 'diamond-a', 1)?.references?.map((r) => r.subject)).toEqual(['diamond-b', 'diamond-c']);
    expect(find(s, 'diamond-b', 1)?.references).toEqual([{ name: 'com.acme.D', subject: 'diamond-d', version: 1 }]);
    // Version gaps, non-contiguous ids, a soft-deleted version.
    expect(s.filter((r) => r.subject === 'orders-value').map((r) => [r.version, r.id, r.deleted])).toEqual([
      [1, 100, false],
      [3, 105, true],
      [7, 230, false],
    ]);
    // A fully soft-deleted subject, and its own config.
    expect(s.filter((r) => r.subject === 'legacy-events').every((r) => r.deleted)).toBe(true);
    expect(snapshot.configs.find((c) => c.scope === 'legacy-events')?.config).toEqual({ compatibilityLevel: 'NONE' });
    // Contexts with colliding ids; a reference resolved inside its context.
    expect(find(s, ':.ctx-a:payments-value', 1)).toMatchObject({ context: '.ctx-a', id: 100 });
    expect(find(s, 'orders-value', 1)?.id).toBe(100);
    expect(find(s, ':.ctx-a:payments-value', 2)?.references).toEqual([{ name: 'com.acme.ctx.Money', subject: 'money', version: 1 }]);
    // Names that need encoding.
    expect(s.map((r) => r.subject)).toEqual(expect.arrayContaining(['ünïcødé-主题-value', 'name with spaces', 'team/a/b-value']));
    // Types, metadata and ruleSet.
    expect(new Set(s.map((r) => r.schemaType))).toEqual(new Set(['AVRO', 'PROTOBUF', 'JSON']));
    expect(find(s, 'contracts-value', 2)?.metadata).toEqual({ properties: { owner: 'payments-v2' } });
    expect(find(s, 'contracts-value', 1)?.ruleSet).toHaveProperty('domainRules');
    // One schema under two subjects.
    expect(find(s, 'shared-b', 2)?.id).toBe(find(s, 'shared-a', 1)?.id);
    // Max ids above every live id (hard-deleted schemas).
    expect(snapshot.maxIds).toEqual([
      { type: 'maxId', context: '.', maxId: 999 },
      { type: 'maxId', context: '.ctx-a', maxId: 102 },
      { type: 'maxId', context: '.ctx-b', maxId: 150 },
    ]);
    expect(s.some((r) => r.id === 999 || r.id === 150)).toBe(false);
  });

  it('keeps unset scopes unset: ".ctx-a" mode and ":.__GLOBAL:" mode are absent', async () => {
    const { snapshot } = await readRegistrySnapshotDetailed(registry.api);
    expect(snapshot.modes.map((m) => m.scope)).toEqual(['', ':.ctx-b:', 'contracts-value', 'name with spaces']);
  });

  it('reads the whole listing when the server caps the page size below what was asked', async () => {
    const small = await startTestRegistry({ corpus: true, schemasPageLimit: 4 });
    try {
      const read = await readRegistrySnapshotDetailed(small.api, { pageSize: 1000 });
      expect(read.method).toBe('bulk');
      expect(read.snapshot).toEqual(expectedCorpusSnapshot());
    } finally {
      await small.close();
    }
  });
});

describe('readRegistrySnapshot on a 7.x source (no deleted flag)', () => {
  let registry: TestRegistry;
  beforeAll(async () => {
    registry = await startTestRegistry({ corpus: true, version: '7.9.1' });
  });
  afterAll(() => registry.close());

  it('derives deleted flags from two bulk listings, without per-version reads', async () => {
    registry.double.stats.reset();
    const read = await readRegistrySnapshotDetailed(registry.api);
    expect(read.method).toBe('bulk-two-listings');
    expect(read.snapshot).toEqual(expectedCorpusSnapshot());
    const perVersionReads = Object.entries(registry.double.stats.byRoute)
      .filter(([route]) => /^GET \/subjects\/[^/]+\/versions/.test(route))
      .reduce((sum, [, n]) => sum + n, 0);
    expect(perVersionReads).toBe(0);
  });
});

describe('readRegistrySnapshot per-subject fallback', () => {
  let registry: TestRegistry;
  beforeAll(async () => {
    registry = await startTestRegistry({ corpus: true, version: '7.9.1' });
  });
  afterAll(() => registry.close());

  it('falls back to per-subject reads when GET /schemas is missing, and says so', async () => {
    registry.double.faults.failNext({ method: 'GET', path: /^\/schemas\?/, status: 404, errorCode: 404, times: 1 });
    const notes: string[] = [];
    const read = await readRegistrySnapshotDetailed(registry.api, { log: (line) => notes.push(line) });
    expect(read.method).toBe('per-subject');
    expect(notes.join('\n')).toMatch(/bulk listing not usable.*404/);
    expect(read.snapshot).toEqual(expectedCorpusSnapshot());
  });

  it('falls back when the bulk listing drops soft-deleted subjects (a misbehaving server)', async () => {
    const dropsDeleted: SchemaRegistryApi = Object.create(registry.api);
    dropsDeleted.listSchemasPage = async (options) => {
      const everything = await registry.api.listSchemasPage({ ...options, offset: 0, limit: 1000 });
      const kept = everything.filter((s) => !s.subject.startsWith('legacy-events'));
      return kept.slice(options.offset, options.offset + options.limit);
    };
    const notes: string[] = [];
    const read = await readRegistrySnapshotDetailed(dropsDeleted, { log: (line) => notes.push(line) });
    expect(read.method).toBe('per-subject');
    expect(notes.join('\n')).toMatch(/lacks 1 subject.*legacy-events/);
    expect(read.snapshot).toEqual(expectedCorpusSnapshot());
  });

  it('copes with a server that ignores offset: whole listing at once, or repeating pages (fallback)', async () => {
    const all = async (deleted: boolean) => registry.api.listSchemasPage({ subjectPrefix: ':*:', deleted, offset: 0, limit: 1000 });
    const noPaging: SchemaRegistryApi = Object.create(registry.api);
    noPaging.listSchemasPage = async (options) => all(options.deleted);
    const whole = await readRegistrySnapshotDetailed(noPaging, { pageSize: 10 });
    expect(whole.method).toBe('bulk-two-listings');
    expect(whole.snapshot).toEqual(expectedCorpusSnapshot());

    const repeats: SchemaRegistryApi = Object.create(registry.api);
    repeats.listSchemasPage = async (options) => (await all(options.deleted)).slice(0, options.limit);
    const notes: string[] = [];
    const fallback = await readRegistrySnapshotDetailed(repeats, { pageSize: 10, log: (line) => notes.push(line) });
    expect(fallback.method).toBe('per-subject');
    expect(notes.join('\n')).toMatch(/ignores offset/);
    expect(fallback.snapshot).toEqual(expectedCorpusSnapshot());
  });

  it('reads the same snapshot when per-subject is forced', async () => {
    const read = await readRegistrySnapshotDetailed(registry.api, { method: 'per-subject' });
    expect(read.snapshot).toEqual(expectedCorpusSnapshot());
  });

  it('uses the highest exported id when the server does not report maxId, and reports it', async () => {
    const noMaxId: SchemaRegistryApi = Object.create(registry.api);
    noMaxId.getSchemaById = async (id, options) => {
      const answer = await registry.api.getSchemaById(id, options);
      if (!answer) return answer;
      const { maxId: _dropped, ...rest } = answer;
      return rest;
    };
    const read = await readRegistrySnapshotDetailed(noMaxId);
    expect(read.snapshot.maxIds).toEqual([
      { type: 'maxId', context: '.', maxId: 601 },
      { type: 'maxId', context: '.ctx-a', maxId: 102 },
      { type: 'maxId', context: '.ctx-b', maxId: 100 },
    ]);
    expect(read.estimatedMaxIds).toEqual(['.', '.ctx-a', '.ctx-b']);
  });
});
