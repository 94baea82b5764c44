import { contextOf } from '../../registry-client/names';
import type { RegistrySchema } from '../../registry-client/types';
import type { SchemaRecord } from '../format/records';

/** A RegistrySchema as an export record, keys in a stable order. */
export function schemaRecordOf(s: RegistrySchema, subject: string, deleted: boolean): SchemaRecord {
  return {
    type: 'schema',
    context: contextOf(subject),
    subject,
    version: s.version,
    id: s.id,
    schemaType: s.schemaType,
    schema: s.schema,
    ...(s.references && s.references.length > 0
      ? { references: s.references.map((r) => ({ name: r.name, subject: r.subject, version: r.version })) }
      : {}),
    ...(s.metadata ? { metadata: s.metadata } : {}),
    ...(s.ruleSet ? { ruleSet: s.ruleSet } : {}),
    deleted,
  };
}

/** Key of one subject-version in the reader's maps. */
export function versionKeyOf(subject: string, version: number): string {
  return `${subject}\u0000${version}`;
}
