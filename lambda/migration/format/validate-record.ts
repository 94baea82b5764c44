import { trailerProblems } from '../../contracts/export-format';
import { contextOf } from '../../registry-client/names';
import { isObject } from '../../registry-client/normalize';

/**
 * Structural checks of one parsed record (docs/architecture.md §5, records.ts). Returns the problems
 * found, each naming the line; an empty list means the record has the documented shape.
 */

const SCHEMA_TYPES = ['AVRO', 'PROTOBUF', 'JSON'];
const MODES = ['READWRITE', 'READONLY', 'READONLY_OVERRIDE', 'IMPORT', 'FORWARD'];
const CONTEXT_NAME = /^\.[^:]*$/;

export function validateRecord(record: Record<string, unknown>, line: number): string[] {
  const problems: string[] = [];
  const at = `line ${line} (${String(record.type)})`;
  const need = (ok: boolean, what: string) => {
    if (!ok) problems.push(`${at}: ${what}`);
  };
  switch (record.type) {
    case 'context':
      need(isContext(record.context), 'context must be "." or ".name"');
      break;
    case 'schema': {
      need(isContext(record.context), 'context must be "." or ".name"');
      need(typeof record.subject === 'string' && record.subject !== '', 'subject missing');
      need(isInt(record.version) && (record.version as number) >= 1, 'version must be an integer >= 1');
      need(isInt(record.id) && (record.id as number) >= 0, 'id must be an integer >= 0');
      need(typeof record.schemaType === 'string' && SCHEMA_TYPES.includes(record.schemaType), 'schemaType must be AVRO, PROTOBUF or JSON');
      need(typeof record.schema === 'string', 'schema text missing');
      need(typeof record.deleted === 'boolean', 'deleted must be true or false');
      need(record.references === undefined || isReferenceList(record.references), 'references must be a list of {name, subject, version}');
      need(record.metadata === undefined || isObject(record.metadata), 'metadata must be an object');
      need(record.ruleSet === undefined || isObject(record.ruleSet), 'ruleSet must be an object');
      if (typeof record.subject === 'string' && isContext(record.context)) {
        need(
          contextOf(record.subject) === record.context,
          `subject ${JSON.stringify(record.subject)} does not belong to context ${record.context}`,
        );
      }
      break;
    }
    case 'config':
      need(typeof record.scope === 'string', 'scope must be a string ("" for the top level)');
      need(isObject(record.config), 'config must be an object');
      break;
    case 'mode':
      need(typeof record.scope === 'string', 'scope must be a string ("" for the top level)');
      need(typeof record.mode === 'string' && MODES.includes(record.mode), `mode must be one of ${MODES.join(', ')}`);
      break;
    case 'maxId':
      need(isContext(record.context), 'context must be "." or ".name"');
      need(isInt(record.maxId) && (record.maxId as number) >= 0, 'maxId must be an integer >= 0');
      break;
    case 'trailer':
      for (const problem of trailerProblems(record)) problems.push(`${at}: ${problem}`);
      break;
    default:
      problems.push(`line ${line}: unknown record type ${JSON.stringify(record.type)}`);
  }
  return problems;
}

function isInt(value: unknown): boolean {
  return Number.isInteger(value);
}

function isContext(value: unknown): boolean {
  return typeof value === 'string' && CONTEXT_NAME.test(value);
}

function isReferenceList(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.every((r) => isObject(r) && typeof r.name === 'string' && typeof r.subject === 'string' && isInt(r.version))
  );
}
