/**
 * The export format's identity and its trailer (the last line of every export): the CDK app
 * reads a local export's trailer at synth time to pin the seeding resource to it, and the
 * engine's reader checks every export against it before any write.
 */

export const EXPORT_FORMAT = 'schema-registry-export';
export const EXPORT_FORMAT_VERSION = 1;

/** Body record types, in the order an export writes them. */
export const EXPORT_BODY_TYPES = ['context', 'schema', 'config', 'mode', 'maxId'] as const;
export type ExportBodyType = (typeof EXPORT_BODY_TYPES)[number];

/** The last line of an export: record counts and the sha256 of every line before it. */
export interface ExportTrailer {
  readonly type: 'trailer';
  /** Number of records per body type (header and trailer excluded). */
  readonly counts: Readonly<Record<ExportBodyType, number>>;
  /** Hex sha256 over every line before the trailer (each line's UTF-8 bytes followed by "\n"). */
  readonly sha256: string;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** What is wrong with a parsed trailer record; empty when it has the documented shape. */
export function trailerProblems(record: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const counts = record.counts;
  const countsOk =
    typeof counts === 'object' &&
    counts !== null &&
    !Array.isArray(counts) &&
    EXPORT_BODY_TYPES.every((type) => Number.isInteger((counts as Record<string, unknown>)[type]));
  if (!countsOk) problems.push(`counts must give an integer for each of ${EXPORT_BODY_TYPES.join(', ')}`);
  if (typeof record.sha256 !== 'string' || !SHA256_HEX.test(record.sha256)) problems.push('sha256 must be 64 hex digits');
  return problems;
}

/** The trailer in an export's last line, or undefined when that line is not a well-formed trailer. */
export function parseExportTrailer(lastLine: string): ExportTrailer | undefined {
  let value: unknown;
  try {
    value = JSON.parse(lastLine);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  if (record.type !== 'trailer' || trailerProblems(record).length > 0) return undefined;
  return record as unknown as ExportTrailer;
}
