import type { RegisterSchemaRequest } from '../../registry-client/types';
import type { SchemaRecord } from '../format/records';
import { describeSubject } from '../../registry-client/names';
import { emptyToUndefined } from '../format/schema-content';
import { dependenciesInOrder, topologicalOrder } from './order';
import { referenceKeys, type SchemaIndex, versionKey } from './schema-index';
import type { ImportConflict, PlannedRegistration } from './types';

export interface RegistrationPlan {
  readonly registrations: PlannedRegistration[];
  /** Source versions the target already holds (same id and content). */
  readonly alreadyPresent: number;
  readonly conflicts: ImportConflict[];
}

/**
 * Every export version the target lacks (soft-deleted ones too: they are registered
 * live and deleted afterwards, docs/registry-semantics.md §4.4), in reference order: a reference's target before
 * its referrers, otherwise (context, subject, version) order.
 */
export function planRegistrations(sourceIndex: SchemaIndex, targetIndex: SchemaIndex): RegistrationPlan {
  const missing = sourceIndex.records.filter((record) => !targetIndex.byVersion.has(versionKey(record.subject, record.version)));
  const positionByKey = new Map<string, number>();
  missing.forEach((record, at) => positionByKey.set(versionKey(record.subject, record.version), at));

  // Only references to versions this import registers are waited for; the rest are already on the target.
  const dependencies = missing.map((record) =>
    referenceKeys(record)
      .map((key) => positionByKey.get(key))
      .filter((at): at is number => at !== undefined),
  );
  const { order, cycles } = topologicalOrder(missing.length, (at) => dependencies[at]);
  const after = dependenciesInOrder(order, (at) => dependencies[at]);

  const registrations = order.map((input, at): PlannedRegistration => ({
    subject: missing[input].subject,
    context: missing[input].context,
    version: missing[input].version,
    id: missing[input].id,
    request: registrationRequest(missing[input]),
    after: after[at],
  }));
  const conflicts = cycles.map((cycle): ImportConflict => ({
    kind: 'reference-cycle',
    subject: missing[cycle[0]].subject,
    version: missing[cycle[0]].version,
    message:
      `references form a cycle (${cycle.map((at) => describeSubject(missing[at].subject, missing[at].version)).join(' -> ')}), so no registration order exists; ` +
      'the export is damaged — export the source again',
  }));
  return { registrations, alreadyPresent: sourceIndex.records.length - missing.length, conflicts };
}

/** The POST body: explicit id and version, metadata and ruleSet on every version (docs/registry-semantics.md §12.13), no normalize. */
export function registrationRequest(record: SchemaRecord): RegisterSchemaRequest {
  const request: { -readonly [K in keyof RegisterSchemaRequest]: RegisterSchemaRequest[K] } = {
    schema: record.schema,
    schemaType: record.schemaType,
  };
  if (record.references && record.references.length > 0) request.references = record.references;
  const metadata = emptyToUndefined(record.metadata);
  if (metadata) request.metadata = metadata;
  const ruleSet = emptyToUndefined(record.ruleSet);
  if (ruleSet) request.ruleSet = ruleSet;
  request.id = record.id;
  request.version = record.version;
  return request;
}
