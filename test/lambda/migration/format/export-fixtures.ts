import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BodyRecord } from '../../../../lambda/migration/format/records';

/** A small body covering every record type, two contexts, unicode/space/slash subjects, refs. */
export const SAMPLE_RECORDS: BodyRecord[] = [
  { type: 'context', context: '.' },
  { type: 'context', context: '.ctx1' },
  {
    type: 'schema',
    context: '.',
    subject: 'common',
    version: 1,
    id: 5,
    schemaType: 'PROTOBUF',
    schema: 'syntax = "proto3";\nmessage C {}',
    deleted: false,
  },
  {
    type: 'schema',
    context: '.',
    subject: 'orders/ünï code value',
    version: 3,
    id: 100042,
    schemaType: 'AVRO',
    schema: '{"type":"record","name":"O","fields":[]}',
    references: [{ name: 'c.proto', subject: 'common', version: 1 }],
    metadata: { properties: { owner: 'team-a' } },
    ruleSet: { domainRules: [{ name: 'r', kind: 'CONDITION', type: 'CEL', expr: 'true' }] },
    deleted: true,
  },
  {
    type: 'schema',
    context: '.ctx1',
    subject: ':.ctx1:orders',
    version: 1,
    id: 5,
    schemaType: 'JSON',
    schema: '{"type":"object"}',
    deleted: false,
  },
  { type: 'config', scope: '', config: { compatibilityLevel: 'FULL' } },
  { type: 'config', scope: ':.ctx1:', config: { compatibilityLevel: 'NONE' } },
  { type: 'mode', scope: 'common', mode: 'READONLY' },
  { type: 'maxId', context: '.', maxId: 100050 },
  { type: 'maxId', context: '.ctx1', maxId: 5 },
];

export const HEADER = {
  type: 'header',
  format: 'schema-registry-export',
  formatVersion: 1,
  exportedAt: '2026-11-26T12:00:00.000Z',
  source: { url: 'https://sr.example.com', version: '7.9.1' },
};

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'sr-export-'));
}

/**
 * Writes an export by hand, hashing exactly as the writer does, so tests can build files
 * that are intact except for the one defect under test. Lines may be objects or raw text.
 */
export function craftExport(
  path: string,
  lines: Array<object | string>,
  options: { trailer?: 'auto' | 'none' | object; countsOverride?: Record<string, number> } = {},
): void {
  const texts = lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line)));
  const hash = createHash('sha256');
  for (const text of texts) hash.update(`${text}\n`);
  const counts: Record<string, number> = { context: 0, schema: 0, config: 0, mode: 0, maxId: 0 };
  for (const line of lines) {
    if (typeof line === 'object' && (line as { type: string }).type in counts) counts[(line as { type: string }).type]++;
  }
  const trailerOption = options.trailer ?? 'auto';
  if (trailerOption !== 'none') {
    const trailer =
      trailerOption === 'auto'
        ? { type: 'trailer', counts: { ...counts, ...options.countsOverride }, sha256: hash.digest('hex') }
        : trailerOption;
    texts.push(JSON.stringify(trailer));
  }
  writeFileSync(path, texts.map((t) => `${t}\n`).join(''));
}
