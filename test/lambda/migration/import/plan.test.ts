import { planImport, RESERVED_ID_SUBJECT } from '../../../../lambda/migration/import';
import type { ImportPlan } from '../../../../lambda/migration/import';
import { avro, emptyTarget, schema, snapshot } from './snapshot-builder';

const ref = (subject: string, version = 1) => ({ name: `${subject}.avsc`, subject, version });
const registered = (plan: ImportPlan) => plan.registrations.map((r) => `${r.subject}@${r.version}`);

describe('planImport: registration order', () => {
  it('orders a diamond so every reference target is registered (and answered) first', () => {
    const source = snapshot({
      schemas: [
        schema('a', 1, 1, { references: [ref('b'), ref('c')] }),
        schema('b', 1, 2, { references: [ref('d')] }),
        schema('c', 1, 3, { references: [ref('d')] }),
        schema('d', 1, 4),
      ],
    });
    const plan = planImport(source, emptyTarget());
    expect(plan.conflicts).toEqual([]);
    expect(registered(plan)).toEqual(['d@1', 'b@1', 'c@1', 'a@1']);
    expect(plan.registrations.map((r) => r.after)).toEqual([[], [0], [0], [1, 2]]);
  });

  it("resolves references against the referrer's context, including explicit cross-context ones", () => {
    const source = snapshot({
      schemas: [
        schema(':.ctx:x', 1, 1, { references: [ref('y'), ref(':.other:z')] }),
        schema(':.ctx:y', 1, 2),
        schema(':.other:z', 1, 1),
        schema('y', 1, 1),
      ],
    });
    const plan = planImport(source, emptyTarget());
    expect(plan.conflicts).toEqual([]);
    const x = plan.registrations.findIndex((r) => r.subject === ':.ctx:x');
    const deps = plan.registrations[x].after.map((at) => plan.registrations[at].subject).sort();
    expect(deps).toEqual([':.ctx:y', ':.other:z']);
    // The default context's "y" is not what ":.ctx:x" waits for.
    expect(deps).not.toContain('y');
  });

  it('keeps version order within a subject and sends explicit id, version, metadata and ruleSet', () => {
    const metadata = { properties: { owner: 'team-a' } };
    const ruleSet = { domainRules: [{ name: 'r', kind: 'CONDITION', type: 'CEL', expr: 'true' }] };
    const source = snapshot({
      schemas: [schema('s', 1, 10, { metadata, ruleSet }), schema('s', 3, 7, { metadata, ruleSet }), schema('s', 9, 12)],
    });
    const plan = planImport(source, emptyTarget());
    expect(registered(plan)).toEqual(['s@1', 's@3', 's@9']);
    expect(plan.registrations[1].request).toEqual({ schema: avro('S7'), schemaType: 'AVRO', metadata, ruleSet, id: 7, version: 3 });
    expect(plan.registrations[2].request).not.toHaveProperty('metadata');
    expect(plan.registrations.every((r) => !('normalize' in r.request))).toBe(true);
  });

  it('does not wait for references the target already holds', () => {
    const source = snapshot({ schemas: [schema('a', 1, 1, { references: [ref('b')] }), schema('b', 1, 2)] });
    const target = snapshot({ schemas: [schema('b', 1, 2)], modes: { '': 'READWRITE' } });
    const plan = planImport(source, target);
    expect(registered(plan)).toEqual(['a@1']);
    expect(plan.registrations[0].after).toEqual([]);
    expect(plan.alreadyPresent).toBe(1);
  });
});

describe('planImport: IMPORT mode per scope', () => {
  const source = snapshot({
    schemas: [schema('a', 1, 1), schema(':.ctx-a:b', 1, 1), schema(':.ctx-b:c', 1, 1)],
    modes: { '': 'READWRITE' },
  });

  it('enters IMPORT at the top level and per named context, without force on an empty target', () => {
    const plan = planImport(source, emptyTarget());
    expect(plan.targetEmpty).toBe(true);
    expect(plan.enterImport).toEqual([
      { scope: '', mode: 'IMPORT', force: false },
      { scope: ':.ctx-a:', mode: 'IMPORT', force: false },
      { scope: ':.ctx-b:', mode: 'IMPORT', force: false },
    ]);
    // …and leaves IMPORT afterwards: the top level back to READWRITE, the contexts unset.
    expect(plan.modes).toEqual([
      { scope: ':.ctx-a:', force: false },
      { scope: ':.ctx-b:', force: false },
      { scope: '', mode: 'READWRITE', force: true },
    ]);
  });

  it('enters IMPORT only where registrations land, with force on a resumed target', () => {
    const target = snapshot({ schemas: [schema('a', 1, 1), schema(':.ctx-a:b', 1, 1)], modes: { '': 'READWRITE' } });
    const plan = planImport(source, target);
    expect(plan.conflicts).toEqual([]);
    expect(plan.forceImportMode).toBe(true);
    expect(plan.enterImport).toEqual([{ scope: ':.ctx-b:', mode: 'IMPORT', force: true }]);
  });

  it('also puts a subject whose own mode would shadow the context into IMPORT', () => {
    const target = snapshot({ schemas: [schema('a', 1, 1)], modes: { '': 'READWRITE', b: 'READWRITE' } });
    const plan = planImport(snapshot({ schemas: [schema('a', 1, 1), schema('b', 1, 2)], modes: { '': 'READWRITE' } }), target);
    expect(plan.enterImport.map((w) => w.scope)).toEqual(['', 'b']);
    // b's READWRITE was not in the export: b ends unset.
    expect(plan.modes).toContainEqual({ scope: 'b', force: false });
  });

  it('lifts a READONLY that would block deletes (no registrations needed)', () => {
    const src = snapshot({ schemas: [schema('a', 1, 1, { deleted: true }), schema('a', 2, 2)], modes: { '': 'READWRITE' } });
    const target = snapshot({ schemas: [schema('a', 1, 1), schema('a', 2, 2)], modes: { '': 'READONLY' } });
    const plan = planImport(src, target);
    expect(plan.registrations).toEqual([]);
    expect(plan.enterImport).toEqual([{ scope: '', mode: 'IMPORT', force: true }]);
    expect(plan.deletes).toEqual([{ kind: 'version', subject: 'a', version: 1, after: [] }]);
    expect(plan.modes).toEqual([{ scope: '', mode: 'READWRITE', force: true }]);
  });

  it('plans zero writes when the target already equals the export (a re-run needs no --force)', () => {
    const full = snapshot({
      schemas: [schema('a', 1, 1), schema('a', 2, 2, { deleted: true }), schema(':.ctx:b', 1, 1)],
      configs: { '': { compatibilityLevel: 'FULL' }, a: { compatibilityLevel: 'NONE' } },
      modes: { '': 'READWRITE', ':.ctx:': 'READONLY' },
      maxIds: { '.': 2, '.ctx': 1 },
    });
    const plan = planImport(full, full);
    expect(plan.conflicts).toEqual([]);
    expect(plan.totalWrites).toBe(0);
    expect(plan.enterImport).toEqual([]);
    expect(plan.alreadyPresent).toBe(3);
  });
});

describe('planImport: conflicts', () => {
  it('refuses an id bound to other content and a subject-version holding other content, naming each', () => {
    const source = snapshot({ schemas: [schema('a', 1, 5), schema('b', 1, 6), schema('c', 2, 7)] });
    const target = snapshot({
      schemas: [
        schema('x', 1, 5, { schema: avro('Other') }), // id 5 bound to other content
        schema('b', 1, 6, { schema: avro('Changed') }), // same id, other content
        schema('c', 2, 99, { schema: avro('S7') }), // same content, other id
      ],
    });
    const plan = planImport(source, target, { force: true });
    const kinds = plan.conflicts.map((c) => `${c.kind}:${c.subject}`).sort();
    expect(kinds).toEqual([
      'id-bound-to-other-content:b',
      'id-bound-to-other-content:x',
      'subject-version-differs:b',
      'subject-version-differs:c',
    ]);
    expect(plan.conflicts.find((c) => c.subject === 'x')?.message).toMatch(/id 5 in context "\."/);
    expect(plan.conflicts.find((c) => c.kind === 'subject-version-differs' && c.subject === 'c')?.message).toMatch(/holds id 99/);
  });

  it('keeps ids per context: the same id in another context is no conflict', () => {
    const source = snapshot({ schemas: [schema(':.ctx:a', 1, 5)] });
    const target = snapshot({ schemas: [schema('x', 1, 5, { schema: avro('Other') })] });
    expect(planImport(source, target, { force: true }).conflicts).toEqual([]);
  });

  it('compares canonical-equivalent text as equal: no conflict and nothing to register', () => {
    const text = '{"type":"record","name":"A","fields":[{"name":"x","type":"long"}]}';
    const source = snapshot({ schemas: [schema('a', 1, 1, { schema: text })] });
    const target = snapshot({
      schemas: [schema('a', 1, 1, { schema: '{"name": "A", "type": "record", "fields": [{"type": {"type":"long"}, "name": "x"}]}' })],
    });
    const plan = planImport(source, target);
    expect(plan.conflicts).toEqual([]);
    expect(plan.registrations).toEqual([]);
  });

  it('treats different metadata as different content', () => {
    const source = snapshot({ schemas: [schema('a', 1, 1, { metadata: { properties: { v: '1' } } })] });
    const target = snapshot({ schemas: [schema('a', 1, 1, { metadata: { properties: { v: '2' } } })] });
    expect(planImport(source, target).conflicts.map((c) => c.kind)).toContain('subject-version-differs');
  });

  it('refuses a non-empty target without --force and lists its foreign subjects; --force proceeds', () => {
    const source = snapshot({ schemas: [schema('a', 1, 1)] });
    const target = snapshot({ schemas: [schema('mine', 1, 100), schema('mine', 2, 101), schema(':.ctx:other', 1, 1)] });
    const refused = planImport(source, target);
    expect(refused.conflicts.map((c) => [c.kind, c.subject])).toEqual([
      ['target-not-empty', 'mine'],
      ['target-not-empty', ':.ctx:other'],
    ]);
    expect(refused.conflicts[0].message).toMatch(/version\(s\) 1, 2.*--force/);
    const forced = planImport(source, target, { force: true });
    expect(forced.conflicts).toEqual([]);
    expect(registered(forced)).toEqual(['a@1']);
    expect(forced.enterImport[0].force).toBe(true);
  });

  it('does not count a soft-deleted target version that re-registering its id will remove (final sync, docs/registry-semantics.md §4.2 step 10)', () => {
    // At the source, registering the same schema again as v3 hard-deleted the soft-deleted v1 (same id).
    const source = snapshot({ schemas: [schema('a', 2, 6), schema('a', 3, 5)] });
    const target = snapshot({ schemas: [schema('a', 1, 5, { deleted: true }), schema('a', 2, 6)] });
    const plan = planImport(source, target);
    expect(plan.conflicts).toEqual([]);
    expect(registered(plan)).toEqual(['a@3']);
    // Without that registration pending, the same leftover is foreign content.
    const done = snapshot({ schemas: [schema('a', 1, 5, { deleted: true }), schema('a', 2, 6), schema('a', 3, 5)] });
    expect(planImport(source, done).conflicts.map((c) => c.kind)).toEqual(['target-not-empty']);
  });

  it('refuses a version soft-deleted on the target but live in the export', () => {
    const source = snapshot({ schemas: [schema('a', 1, 1)] });
    const target = snapshot({ schemas: [schema('a', 1, 1, { deleted: true })] });
    expect(planImport(source, target).conflicts.map((c) => c.kind)).toEqual(['deleted-on-target']);
  });

  it('refuses references nobody can satisfy, and an export binding one id to two contents', () => {
    const source = snapshot({
      schemas: [schema('a', 1, 1, { references: [ref('missing', 3)] }), schema('b', 1, 2), schema('c', 1, 2, { schema: avro('Other') })],
    });
    const kinds = planImport(source, emptyTarget())
      .conflicts.map((c) => c.kind)
      .sort();
    expect(kinds).toEqual(['export-inconsistent', 'unresolved-reference']);
  });

  it('refuses a reference cycle', () => {
    const source = snapshot({ schemas: [schema('a', 1, 1, { references: [ref('b')] }), schema('b', 1, 2, { references: [ref('a')] })] });
    expect(planImport(source, emptyTarget()).conflicts.map((c) => c.kind)).toEqual(['reference-cycle']);
  });
});

describe('planImport: soft deletes', () => {
  it('deletes a wholly deleted subject with one subject delete and partial ones per version, referrers first', () => {
    const source = snapshot({
      schemas: [
        schema('base', 1, 1, { deleted: true }),
        schema('base', 2, 2),
        schema('gone', 1, 3, { deleted: true, references: [ref('base')] }),
        schema('gone', 2, 4, { deleted: true }),
      ],
    });
    const plan = planImport(source, emptyTarget());
    expect(plan.deletes).toEqual([
      { kind: 'subject', subject: 'gone', after: [] },
      { kind: 'version', subject: 'base', version: 1, after: [0] },
    ]);
  });

  it('skips deletes the target already has and warns when a live referrer will block a delete', () => {
    const source = snapshot({
      schemas: [
        schema('a', 1, 1, { deleted: true }),
        schema('a', 2, 2),
        schema('b', 1, 3, { deleted: true }),
        schema('r', 1, 4, { references: [ref('b')] }),
      ],
    });
    const target = snapshot({ schemas: [schema('a', 1, 1, { deleted: true }), schema('a', 2, 2)] });
    const plan = planImport(source, target);
    expect(plan.deletes).toEqual([{ kind: 'subject', subject: 'b', after: [] }]);
    expect(plan.warnings).toHaveLength(1);
    expect(plan.warnings[0]).toMatch(/"b" version 1 .* live subject "r" version 1 references it/);
  });
});

describe('planImport: id reservation', () => {
  const source = snapshot({ schemas: [schema('a', 1, 3), schema(':.ctx:b', 1, 2)], maxIds: { '.': 40, '.ctx': 2 } });

  it('reserves a context max id that is above every exported id', () => {
    const plan = planImport(source, emptyTarget());
    expect(plan.reservations).toEqual([
      expect.objectContaining({
        context: '.',
        subject: RESERVED_ID_SUBJECT,
        version: 1,
        id: 40,
        request: expect.objectContaining({ id: 40, version: 1 }),
      }),
    ]);
  });

  it('does not reserve again once the target has reached that id, nor count the placeholder as foreign', () => {
    const target = snapshot({
      schemas: [schema('a', 1, 3), schema(':.ctx:b', 1, 2), schema(RESERVED_ID_SUBJECT, 1, 40, { deleted: true })],
      maxIds: { '.': 40, '.ctx': 2 },
    });
    const plan = planImport(source, target);
    expect(plan.conflicts).toEqual([]);
    expect(plan.reservations).toEqual([]);
    expect(plan.totalWrites).toBe(0);
  });

  it('accepts the placeholder of an earlier export of the same source (final sync) and reserves the new max id', () => {
    const target = snapshot({
      schemas: [schema('a', 1, 3), schema(RESERVED_ID_SUBJECT, 1, 30, { deleted: true })],
      maxIds: { '.': 30 },
    });
    const plan = planImport(source, target);
    expect(plan.conflicts).toEqual([]);
    expect(plan.reservations).toEqual([expect.objectContaining({ subject: RESERVED_ID_SUBJECT, version: 2, id: 40 })]);
  });

  it('finishes a placeholder an interrupted run left live', () => {
    const target = snapshot({
      schemas: [schema('a', 1, 3), schema(':.ctx:b', 1, 2), schema(RESERVED_ID_SUBJECT, 1, 40)],
      maxIds: { '.': 40 },
    });
    const plan = planImport(source, target);
    expect(plan.reservations).toEqual([]);
    expect(plan.deletes).toEqual([{ kind: 'version', subject: RESERVED_ID_SUBJECT, version: 1, after: [] }]);
  });
});

describe('planImport: configs and modes', () => {
  it('renames compatibilityLevel, deletes first when a field must disappear, unsets what the source lacks, aliases last', () => {
    const source = snapshot({
      schemas: [schema('a', 1, 1), schema('b', 1, 2), schema('c', 1, 3)],
      configs: {
        '': { compatibilityLevel: 'FULL' },
        a: { compatibilityLevel: 'NONE' },
        alias: { alias: 'a' },
        b: { compatibilityLevel: 'BACKWARD' },
      },
    });
    const target = snapshot({
      schemas: [schema('a', 1, 1), schema('b', 1, 2), schema('c', 1, 3)],
      configs: {
        '': { compatibilityLevel: 'BACKWARD' },
        b: { compatibilityLevel: 'BACKWARD', normalize: true },
        c: { compatibilityLevel: 'FULL' },
      },
    });
    const plan = planImport(source, target);
    expect(plan.configs).toEqual([
      { scope: 'a', deleteFirst: false, body: { compatibility: 'NONE' } },
      { scope: 'b', deleteFirst: true, body: { compatibility: 'BACKWARD' } },
      { scope: 'c', deleteFirst: true },
      { scope: '', deleteFirst: false, body: { compatibility: 'FULL' } },
      { scope: 'alias', deleteFirst: false, body: { alias: 'a' } },
    ]);
  });

  it('restores modes narrowest first with force, keeps source IMPORT scopes, leaves no other scope in IMPORT', () => {
    const source = snapshot({
      schemas: [schema('a', 1, 1), schema(':.ctx:b', 1, 1)],
      modes: { '': 'READONLY', ':.__GLOBAL:': 'READONLY', ':.ctx:': 'IMPORT', a: 'READWRITE' },
    });
    const plan = planImport(source, emptyTarget());
    expect(plan.enterImport.map((w) => w.scope)).toEqual(['', ':.ctx:']);
    expect(plan.modes).toEqual([
      { scope: 'a', mode: 'READWRITE', force: true },
      { scope: ':.__GLOBAL:', mode: 'READONLY', force: true },
      { scope: '', mode: 'READONLY', force: true },
    ]);
  });

  it('does not touch settings of target subjects the export does not know (forced import)', () => {
    const source = snapshot({ schemas: [schema('a', 1, 1)], modes: { '': 'READWRITE' } });
    const target = snapshot({
      schemas: [schema('theirs', 1, 50)],
      configs: { theirs: { compatibilityLevel: 'NONE' } },
      modes: { '': 'READWRITE', theirs: 'READONLY' },
    });
    const plan = planImport(source, target, { force: true });
    expect(plan.configs).toEqual([]);
    expect(plan.modes.map((w) => w.scope)).toEqual(['']);
  });

  it('sets compatibility NONE during the import on targets before 7.5 and restores the exported configs', () => {
    const source = snapshot({
      schemas: [schema('a', 1, 1), schema(':.ctx:b', 1, 1)],
      configs: { '': { compatibilityLevel: 'FULL' } },
      modes: { '': 'READWRITE' },
    });
    const plan = planImport(source, emptyTarget(), { legacyCompatibility: true });
    expect(plan.compatibilityOverrides).toEqual(['', ':.ctx:']);
    expect(plan.configs).toEqual([
      { scope: ':.ctx:', deleteFirst: true },
      { scope: '', deleteFirst: false, body: { compatibility: 'FULL' } },
    ]);
    expect(planImport(source, emptyTarget()).compatibilityOverrides).toEqual([]);
  });
});
