import { assessRegistry } from '../../../../lambda/migration/assess/assess';
import { buildInventory } from '../../../../lambda/migration/assess/inventory';
import { renderInventory } from '../../../../lambda/migration/assess/render';
import { expectedCorpusSnapshot } from '../fixtures/corpus';
import { startTestRegistry } from '../fixtures/corpus-registry';

describe('buildInventory', () => {
  const inventory = buildInventory(expectedCorpusSnapshot(), '8.1.0');

  it('counts per registry and per context, by type, with soft deletes', () => {
    expect(inventory.totals).toEqual({
      subjects: 19,
      versions: 27,
      softDeletedVersions: 4,
      softDeletedSubjects: 1,
      ids: 26, // id 300 is shared by two subjects; id 100 appears in all three contexts but counts per context
      byType: { AVRO: 21, PROTOBUF: 3, JSON: 3 },
    });
    expect(inventory.contexts.map((c) => [c.context, c.subjects, c.versions, c.softDeletedVersions, c.maxId])).toEqual([
      ['.', 16, 22, 3, 999],
      ['.ctx-a', 2, 3, 0, 102],
      ['.ctx-b', 1, 2, 1, 150],
    ]);
  });

  it('measures reference chains (the diamond A -> B -> D is 2 deep) and referenced versions', () => {
    expect(inventory.references).toEqual({ maxDepth: 2, versionsWithReferences: 6, referencedVersions: 6 });
  });

  it('lists configs, modes and the five largest schemas', () => {
    expect(inventory.configs).toHaveLength(7);
    expect(inventory.modes).toContainEqual({ scope: 'contracts-value', mode: 'READONLY' });
    expect(inventory.largestSchemas).toHaveLength(5);
    expect(inventory.largestSchemas[0]).toMatchObject({ subject: ':.ctx-a:payments-value', version: 2, id: 102 });
    const sizes = inventory.largestSchemas.map((s) => s.bytes);
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
  });

  it('estimates import writes from registrations, deletes, reservations, configs, modes and context entries', () => {
    expect(inventory.estimate.breakdown).toEqual({
      registrations: 27,
      softDeletes: 3, // orders-value v3, ctx-b orders-value v2, and legacy-events as one subject delete
      idReservations: 4, // "." (999) and ".ctx-b" (150): placeholder + soft delete each
      configs: 7,
      modes: 4,
      contextEntries: 6, // IMPORT at top level and two contexts, plus the first write in each of three contexts
    });
    expect(inventory.estimate.writes).toBe(51);
    expect(inventory.estimate.seconds).toBe(1);
    expect(inventory.estimate.assumption).toMatch(/10 ms per write/);
  });

  it('renders readable text', () => {
    const text = renderInventory({ ...inventory, source: 'http://sr:8081' });
    expect(text).toContain('Registry http://sr:8081 (server 8.1.0)');
    expect(text).toContain('deepest chain 2');
    expect(text).toMatch(/Estimated import: 51 write\(s\)/);
  });
});

describe('assessRegistry', () => {
  it('inventories a live registry', async () => {
    const registry = await startTestRegistry({ corpus: true, version: '7.9.1' });
    try {
      const inventory = await assessRegistry(registry.api);
      expect(inventory.source).toBe(registry.double.url);
      expect(inventory.serverVersion).toBe('7.9.1');
      expect(inventory.totals.softDeletedVersions).toBe(4);
    } finally {
      await registry.close();
    }
  });
});
