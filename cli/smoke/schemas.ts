import type { RegisterSchemaRequest } from '../../lambda/registry-client/types';

/**
 * The throwaway Avro record, written in the field order Avro prints (type, name, namespace,
 * doc, fields) so the server's canonical text parses to the same JSON. The run id in `doc`
 * makes the content new, so registering it really allocates an id.
 */
export function smokeSchema(runId: string): RegisterSchemaRequest {
  return {
    schemaType: 'AVRO',
    schema: JSON.stringify({
      type: 'record',
      name: 'SmokeTest',
      namespace: 'io.srmigrate.smoke',
      doc: `sr-migrate smoke ${runId}`,
      fields: [
        { name: 'id', type: 'string' },
        { name: 'at', type: 'long' },
      ],
    }),
  };
}

/**
 * The same record plus an optional field with a default: compatible under every level
 * (BACKWARD, FORWARD, FULL, their transitive forms, NONE), so a "not compatible" answer means
 * the check itself is broken, whatever the registry's configured level.
 */
export function compatibleEvolution(runId: string): RegisterSchemaRequest {
  const schema = JSON.parse(smokeSchema(runId).schema) as { fields: unknown[] };
  return {
    schemaType: 'AVRO',
    schema: JSON.stringify({ ...schema, fields: [...schema.fields, { name: 'note', type: ['null', 'string'], default: null }] }),
  };
}

/** Same schema up to whitespace and key order (the server stores its own canonical text). */
export function sameSchemaText(a: string, b: string): boolean {
  try {
    return canonicalJson(JSON.parse(a)) === canonicalJson(JSON.parse(b));
  } catch {
    return a === b;
  }
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
