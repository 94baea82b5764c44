import { compareContexts, compareStrings } from '../../registry-client/names';
import type { SchemaRecord } from './records';

/**
 * The export's stable order of subject-versions: (context, subject, version), so two exports
 * of an unchanged registry differ only in the header timestamp (docs/architecture.md §5).
 */
export function compareSchemaRecords(a: SchemaRecord, b: SchemaRecord): number {
  return compareContexts(a.context, b.context) || compareStrings(a.subject, b.subject) || a.version - b.version;
}
