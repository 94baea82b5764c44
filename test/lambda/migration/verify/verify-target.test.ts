import type { SchemaRecord } from '../../../../lambda/migration/format/records';
import type { RegistrySnapshot } from '../../../../lambda/migration/format/snapshot';
import { renderVerifyReport } from '../../../../lambda/migration/verify/render';
import type { DifferenceKind } from '../../../../lambda/migration/verify/report';
import { verifyTarget } from '../../../../lambda/migration/verify/verify-target';
import { expectedCorpusSnapshot } from '../fixtures/corpus';

type Mutable = { -readonly [K in keyof RegistrySnapshot]: RegistrySnapshot[K] extends readonly (infer T)[] ? T[] : never };

/** A target equal to the corpus, changed by `edit`. */
function target(edit: (t: Mutable) => void): RegistrySnapshot {
  const t = structuredClone(expectedCorpusSnapshot()) as unknown as Mutable;
  edit(t);
  return t;
}

function withSchema(t: Mutable, subject: string, version: number, change: Partial<SchemaRecord>): void {
  const i = t.schemas.findIndex((s) => s.subject === subject && s.version === version);
  if (i < 0) throw new Error(`no ${subject} v${version} in the corpus`);
  t.schemas[i] = { ...t.schemas[i], ...change };
}

function kinds(actual: RegistrySnapshot, expected: RegistrySnapshot = expectedCorpusSnapshot()): DifferenceKind[] {
  return verifyTarget(expected, actual).differences.map((d) => d.kind);
}

describe('verifyTarget', () => {
  it('reports nothing for an identical target', () => {
    const report = verifyTarget(expectedCorpusSnapshot(), expectedCorpusSnapshot());
    expect(report.ok).toBe(true);
    expect(report.differences).toEqual([]);
    expect(report.checked).toEqual({ contexts: 3, versions: 27, configs: 7, modes: 4, maxIds: 3 });
  });

  it('context-missing and context-unexpected', () => {
    expect(kinds(target((t) => (t.contexts = ['.', '.ctx-a', '.ctx-b', '.extra'])))).toEqual(['context-unexpected']);
    const missing = target((t) => {
      t.contexts = ['.', '.ctx-a'];
      t.schemas = t.schemas.filter((s) => s.context !== '.ctx-b');
      t.maxIds = t.maxIds.filter((m) => m.context !== '.ctx-b');
    });
    expect(new Set(kinds(missing))).toEqual(new Set(['context-missing', 'version-missing', 'max-id-too-low']));
  });

  it('notes, but does not count, a source context without schemas that the target lacks', () => {
    const report = verifyTarget({ ...expectedCorpusSnapshot(), contexts: ['.', '.ctx-a', '.ctx-b', '.empty'] }, expectedCorpusSnapshot());
    expect(report.ok).toBe(true);
    expect(report.notes).toEqual(['context .empty has no schemas at the source, so an import cannot create it on the target']);
  });

  it('version-missing names the subject-version', () => {
    const report = verifyTarget(
      expectedCorpusSnapshot(),
      target((t) => (t.schemas = t.schemas.filter((s) => !(s.subject === 'team/a/b-value')))),
    );
    expect(report.differences).toEqual([
      expect.objectContaining({
        kind: 'version-missing',
        location: { context: '.', subject: 'team/a/b-value', version: 1 },
        message: 'subject "team/a/b-value" version 1 (id 502) is missing on the target',
      }),
    ]);
  });

  it('version-unexpected for content the source does not have', () => {
    const extra = target((t) => t.schemas.push({ ...t.schemas[0], subject: 'stray', version: 1, id: 7000, deleted: false }));
    expect(kinds(extra)).toEqual(['version-unexpected']);
  });

  it('id-differs', () => {
    expect(kinds(target((t) => withSchema(t, 'orders-value', 7, { id: 231 })))).toEqual(['id-differs']);
  });

  it('schema-type-differs', () => {
    expect(kinds(target((t) => withSchema(t, 'json-address', 1, { schemaType: 'AVRO' })))).toEqual(['schema-type-differs']);
  });

  it('schema-differs, but not for whitespace or key order in AVRO/JSON', () => {
    const reordered = JSON.stringify(
      { namespace: 'com.acme', fields: [{ type: 'long', name: 'amount' }], name: 'D', type: 'record' },
      null,
      2,
    );
    expect(kinds(target((t) => withSchema(t, 'diamond-d', 1, { schema: reordered })))).toEqual([]);
    const changed = '{"type":"record","name":"D","namespace":"com.acme","fields":[{"name":"amount","type":"int"}]}';
    expect(kinds(target((t) => withSchema(t, 'diamond-d', 1, { schema: changed })))).toEqual(['schema-differs']);
    // Field order is meaningful in Avro.
    const swapped =
      '{"type":"record","name":"A","namespace":"com.acme","fields":[{"name":"c","type":"com.acme.C"},{"name":"b","type":"com.acme.B"}]}';
    expect(kinds(target((t) => withSchema(t, 'diamond-a', 1, { schema: swapped })))).toEqual(['schema-differs']);
    expect(kinds(target((t) => withSchema(t, 'proto-common', 1, { schema: 'syntax = "proto3";' })))).toEqual(['schema-differs']);
  });

  it('references-differ', () => {
    const report = verifyTarget(
      expectedCorpusSnapshot(),
      target((t) => withSchema(t, 'diamond-b', 1, { references: [{ name: 'com.acme.D', subject: 'diamond-d', version: 2 }] })),
    );
    expect(report.differences.map((d) => [d.kind, d.expected, d.actual])).toEqual([
      [
        'references-differ',
        [{ name: 'com.acme.D', subject: 'diamond-d', version: 1 }],
        [{ name: 'com.acme.D', subject: 'diamond-d', version: 2 }],
      ],
    ]);
  });

  it('metadata-differs (including metadata lost on the target)', () => {
    expect(kinds(target((t) => withSchema(t, 'contracts-value', 2, { metadata: undefined })))).toEqual(['metadata-differs']);
  });

  it('ruleset-differs', () => {
    expect(kinds(target((t) => withSchema(t, 'contracts-value', 1, { ruleSet: { domainRules: [] } })))).toEqual(['ruleset-differs']);
  });

  it('deleted-differs', () => {
    expect(kinds(target((t) => withSchema(t, 'orders-value', 3, { deleted: false })))).toEqual(['deleted-differs']);
  });

  it('config-differs: changed, missing and unexpected scopes', () => {
    const changed = target((t) => {
      t.configs = t.configs.map((c) => (c.scope === 'orders-value' ? { ...c, config: { compatibilityLevel: 'FULL' } } : c));
    });
    expect(kinds(changed)).toEqual(['config-differs']);
    expect(kinds(target((t) => (t.configs = t.configs.filter((c) => c.scope !== ':.ctx-a:'))))).toEqual(['config-differs']);
    expect(kinds(target((t) => t.configs.push({ type: 'config', scope: 'shared-a', config: { compatibilityLevel: 'NONE' } })))).toEqual([
      'config-differs',
    ]);
  });

  it('mode-differs, and says when the migration freeze was carried over', () => {
    expect(kinds(target((t) => t.modes.push({ type: 'mode', scope: ':.ctx-a:', mode: 'READWRITE' })))).toEqual(['mode-differs']);
    const frozenTarget = target((t) => (t.modes = t.modes.map((m) => (m.scope === '' ? { ...m, mode: 'READONLY' as const } : m))));
    const report = verifyTarget({ ...expectedCorpusSnapshot(), frozenScopes: [''] }, frozenTarget);
    expect(report.differences).toHaveLength(1);
    expect(report.differences[0].message).toMatch(
      /top level: mode READONLY on the target, READWRITE at the source \(the migration freeze was carried over/,
    );
  });

  it('max-id-too-low when the target could hand out an id the source used', () => {
    const report = verifyTarget(
      expectedCorpusSnapshot(),
      target((t) => (t.maxIds = t.maxIds.map((m) => (m.context === '.' ? { ...m, maxId: 601 } : m)))),
    );
    expect(report.differences.map((d) => [d.kind, d.expected, d.actual])).toEqual([['max-id-too-low', 999, 601]]);
    expect(report.differences[0].message).toMatch(/ids 602\.\.999/);
  });

  it("tolerates the import's id placeholder and a top level that answers the server default", () => {
    const expected = { ...expectedCorpusSnapshot(), configs: expectedCorpusSnapshot().configs.filter((c) => c.scope !== '') };
    const actual = target((t) => {
      t.schemas.push({
        ...t.schemas[0],
        subject: '_sr-migrate-reserved-id',
        version: 1,
        id: 999,
        deleted: true,
        metadata: undefined,
        ruleSet: undefined,
      });
      t.configs = t.configs.map((c) => (c.scope === '' ? { ...c, config: { compatibilityLevel: 'BACKWARD' } } : c));
    });
    const report = verifyTarget(expected, actual);
    expect(report.ok).toBe(true);
    expect(report.notes).toHaveLength(2);
    // A live placeholder (the import stopped before soft-deleting it) is a real difference.
    const live = target((t) =>
      t.schemas.push({ ...t.schemas[0], subject: '_sr-migrate-reserved-id', version: 1, id: 999, deleted: false }),
    );
    expect(kinds(live)).toEqual(['version-unexpected']);
  });

  it("after a final sync, tolerates the earlier placeholder below the source's new max id, and only that one", () => {
    const placeholder = (subject: string, id: number) => (t: { schemas: SchemaRecord[] }) =>
      t.schemas.push({ ...t.schemas[0], subject, version: 1, id, deleted: true, metadata: undefined, ruleSet: undefined });
    // An earlier import reserved id 950; the source has since reached 999 (the current placeholder's id).
    const earlier = target(placeholder('_sr-migrate-reserved-id', 950));
    expect(verifyTarget(expectedCorpusSnapshot(), earlier).ok).toBe(true);
    // The same soft-deleted leftover under any other subject is a real difference.
    expect(kinds(target(placeholder('leftover', 950)))).toEqual(['version-unexpected']);
  });

  it('renders a readable report grouped by kind', () => {
    const report = verifyTarget(
      expectedCorpusSnapshot(),
      target((t) => {
        withSchema(t, 'orders-value', 7, { id: 231 });
        withSchema(t, 'orders-value', 3, { deleted: false });
      }),
    );
    const text = renderVerifyReport(report);
    expect(text).toMatch(/^FAILED: 2 difference\(s\)/);
    expect(text).toContain('id-differs (1):\n  - subject "orders-value" version 7 has id 231 on the target, 230 at the source');
    expect(text).toContain('deleted-differs (1):');
    expect(renderVerifyReport(verifyTarget(expectedCorpusSnapshot(), expectedCorpusSnapshot()))).toMatch(/^OK: the target matches/);
  });
});
