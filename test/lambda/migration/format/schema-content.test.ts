import { createHash } from 'node:crypto';
import { contentFingerprint, normalisedSchemaText, sameJson } from '../../../../lambda/migration/format/schema-content';
import { contentHash } from '../../../../lambda/migration/ledger/ledger';

describe('contentFingerprint', () => {
  const base = { schemaType: 'AVRO' as const, schema: '{"type":"record","name":"A","fields":[{"name":"x","type":"long"}]}' };

  it('treats canonical-equivalent Avro text as equal (whitespace, key order, {"type":"long"})', () => {
    const other = { ...base, schema: '{ "fields": [ { "type": {"type": "long"}, "name": "x" } ], "name": "A", "type": "record" }' };
    expect(contentFingerprint(other)).toBe(contentFingerprint(base));
  });

  it('treats JSON Schema text equal after JSON normalisation', () => {
    const a = { schemaType: 'JSON' as const, schema: '{"type":"object","properties":{"a":{"type":"string"}}}' };
    const b = { schemaType: 'JSON' as const, schema: '{\n  "properties": {"a": {"type": "string"}},\n  "type": "object"\n}' };
    expect(contentFingerprint(a)).toBe(contentFingerprint(b));
  });

  it('distinguishes a different field type, schema type, references, metadata and ruleSet', () => {
    const fp = contentFingerprint(base);
    expect(contentFingerprint({ ...base, schema: base.schema.replace('long', 'int') })).not.toBe(fp);
    expect(contentFingerprint({ ...base, schemaType: 'JSON' })).not.toBe(fp);
    expect(contentFingerprint({ ...base, references: [{ name: 'b', subject: 'b', version: 1 }] })).not.toBe(fp);
    expect(contentFingerprint({ ...base, metadata: { properties: { owner: 'x' } } })).not.toBe(fp);
    expect(contentFingerprint({ ...base, ruleSet: { domainRules: [], migrationRules: [{ name: 'r' }] } })).not.toBe(fp);
  });

  it('treats empty metadata, ruleSet and references as absent (the server omits empty fields)', () => {
    expect(contentFingerprint({ ...base, metadata: {}, ruleSet: {}, references: [] })).toBe(contentFingerprint(base));
  });

  it('is the SHA-256 of the canonical form, so ledgers recorded before it was cached keep matching', () => {
    const canonicalForm = JSON.stringify(['AVRO', '{"fields":[{"name":"x","type":"long"}],"name":"A","type":"record"}', [], null, null]);
    expect(contentFingerprint(base)).toBe(createHash('sha256').update(canonicalForm).digest('hex'));
    expect(contentHash(base)).toBe(contentFingerprint(base).slice(0, 24));
  });

  it('compares Protobuf text with whitespace collapsed only', () => {
    const a = { schemaType: 'PROTOBUF' as const, schema: 'syntax = "proto3";\nmessage A {\n  string x = 1;\n}\n' };
    expect(contentFingerprint({ ...a, schema: 'syntax = "proto3"; message A { string x = 1; }' })).toBe(contentFingerprint(a));
    expect(contentFingerprint({ ...a, schema: a.schema.replace('x = 1', 'y = 1') })).not.toBe(contentFingerprint(a));
  });
});

describe('normalisedSchemaText and sameJson (shared by the import planner and verify)', () => {
  it('keeps a field default of null significant', () => {
    const withDefault = '{"type":"record","name":"A","fields":[{"name":"x","type":["null","int"],"default":null}]}';
    const without = '{"type":"record","name":"A","fields":[{"name":"x","type":["null","int"]}]}';
    expect(normalisedSchemaText('AVRO', withDefault)).not.toBe(normalisedSchemaText('AVRO', without));
  });

  it('ignores key order and whitespace, and treats {"type":"long"} as "long" in Avro', () => {
    expect(normalisedSchemaText('AVRO', '{ "name": "A", "type": "record", "fields": [{"type": {"type":"long"}, "name": "x"}] }')).toBe(
      normalisedSchemaText('AVRO', '{"type":"record","name":"A","fields":[{"name":"x","type":"long"}]}'),
    );
  });

  it('treats empty lists and objects as absent, and nothing else', () => {
    expect(sameJson([], undefined)).toBe(true);
    expect(sameJson({}, undefined)).toBe(true);
    expect(sameJson({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, undefined)).toBe(false);
    expect(sameJson([{ name: 'x', subject: 's', version: 1 }], [{ name: 'x', subject: 's', version: 2 }])).toBe(false);
  });
});
