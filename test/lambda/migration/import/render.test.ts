import { planImport, renderPlan } from '../../../../lambda/migration/import';
import { emptyTarget, schema, snapshot } from './snapshot-builder';

describe('renderPlan', () => {
  it('shows counts per phase and only the first N items of each', () => {
    const source = snapshot({
      schemas: Array.from({ length: 25 }, (_, i) => schema(`s-${String(i).padStart(2, '0')}`, 1, i + 1, { deleted: i === 0 })),
      configs: { '': { compatibilityLevel: 'FULL' } },
      modes: { '': 'READWRITE' },
      maxIds: { '.': 99 },
    });
    const text = renderPlan(planImport(source, emptyTarget()), { itemsPerPhase: 3 });
    expect(text).toContain('Import plan: 31 write(s); target is empty.');
    expect(text).toContain('3. Register (reference order, explicit id and version): 25');
    expect(text).toContain('"s-02" v1 id 3 AVRO');
    expect(text).not.toContain('"s-03" v1');
    expect(text).toContain('… and 22 more');
    expect(text).toContain('"_sr-migrate-reserved-id" v1 id 99');
    expect(text).toContain('5. Soft-delete (referrers first): 1');
    expect(text).toContain('(top level): PUT {"compatibility":"FULL"}');
    expect(text).toContain('(top level): READWRITE (force)');
  });

  it('lists conflicts first', () => {
    const text = renderPlan(
      planImport(snapshot({ schemas: [schema('a', 1, 1)] }), snapshot({ schemas: [schema('b', 1, 1, { schema: '"string"' })] })),
    );
    expect(text).toMatch(/CONFLICTS \(nothing will be written\): 2\n\s+\[id-bound-to-other-content\]/);
    expect(text).toContain('[target-not-empty]');
  });
});
