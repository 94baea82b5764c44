import { createHash, type Hash } from 'node:crypto';
import { ExportFormatError } from './errors';
import type { RawLine } from './line-splitter';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, type BodyRecord, type HeaderRecord, type TrailerRecord } from './records';
import { isObject } from '../../registry-client/normalize';
import { validateRecord } from './validate-record';

/** How many problems an error message lists before "and N more". */
const SHOWN_PROBLEMS = 10;

type BodyType = BodyRecord['type'];

/**
 * Checks an export line by line: header and format version (fatal at once), JSON and
 * shape of every record, the trailer's position, and at the end the sha256 and counts.
 * `finish()` reports the most telling problem first (truncation, then tampering, then
 * the rest), because one edit usually causes several symptoms.
 */
export class ExportScanner {
  header?: HeaderRecord;
  trailer?: TrailerRecord;
  readonly problems: string[] = [];
  private readonly hash: Hash = createHash('sha256');
  private readonly counts: Record<BodyType, number> = { context: 0, schema: 0, config: 0, mode: 0, maxId: 0 };
  private readonly contexts = new Set<string>();
  private readonly referencedContexts = new Map<string, number>();
  private readonly subjectVersions = new Set<string>();
  private readonly maxSchemaId = new Map<string, number>();
  private readonly maxIds = new Map<string, { maxId: number; line: number }>();
  private trailerLine = 0;
  private linesAfterTrailer = false;
  private firstUnparsableLine?: number;
  private lines = 0;

  constructor(readonly location: string) {}

  /** Takes the next line; returns its record when it is a valid body record. */
  accept(line: RawLine): BodyRecord | undefined {
    this.lines = line.number;
    if (line.number === 1) {
      this.acceptHeader(line);
      return undefined;
    }
    if (this.trailer) {
      if (!this.linesAfterTrailer) {
        this.problems.push(
          `the trailer on line ${this.trailerLine} is not the last record (line ${line.number} follows it); the file was edited or two exports were joined`,
        );
      }
      this.linesAfterTrailer = true;
      return undefined;
    }
    const record = this.parse(line);
    if (record === undefined) return undefined;
    if (record.type === 'trailer') {
      const problems = validateRecord(record, line.number);
      this.trailerLine = line.number;
      if (problems.length > 0) {
        this.problems.push(...problems);
        // Keep a placeholder so the file is not also reported as truncated.
        this.trailer = { type: 'trailer', counts: { context: -1, schema: -1, config: -1, mode: -1, maxId: -1 }, sha256: '' };
      } else {
        this.trailer = record as unknown as TrailerRecord;
      }
      return undefined;
    }
    this.hash.update(line.bytes);
    this.hash.update('\n');
    if (record.type === 'header') {
      this.problems.push(`line ${line.number}: a second header record; two exports were probably joined`);
      return undefined;
    }
    const problems = validateRecord(record, line.number);
    if (problems.length > 0) {
      this.problems.push(...problems);
      return undefined;
    }
    const body = record as unknown as BodyRecord;
    this.counts[body.type]++;
    this.track(body, line.number);
    return body;
  }

  /** For streaming readers: throws at once if any line so far was unusable. */
  throwIfProblems(): void {
    if (this.problems.length > 0) throw this.problemsError();
  }

  /** Throws the export's problems, most telling first; returns header and trailer when sound. */
  finish(): { header: HeaderRecord; trailer: TrailerRecord } {
    if (!this.header) {
      throw new ExportFormatError(
        `export ${this.location} is empty; it is not a schema-registry export or the copy failed — export again`,
        this.location,
      );
    }
    if (!this.trailer) {
      throw new ExportFormatError(
        `export is truncated: no trailer record; the upload or copy was probably cut off — export again (${this.location}, ${this.lines} lines)`,
        this.location,
      );
    }
    const digest = this.hash.digest('hex');
    if (this.trailer.sha256 !== '' && digest !== this.trailer.sha256) {
      const hint = this.firstUnparsableLine ? `; line ${this.firstUnparsableLine} is not valid JSON` : '';
      throw new ExportFormatError(
        `export was modified after it was written: checksum mismatch (${this.location}${hint}); use the original file or export again`,
        this.location,
        [`checksum mismatch: trailer says ${this.trailer.sha256}, content hashes to ${digest}`, ...this.problems],
      );
    }
    this.checkReferencedContexts();
    this.checkMaxIds();
    // Counts are only meaningful once every record is valid (invalid ones are not counted).
    if (this.trailer.sha256 !== '' && this.problems.length === 0) this.checkCounts();
    if (this.problems.length > 0) throw this.problemsError();
    return { header: this.header, trailer: this.trailer };
  }

  private problemsError(): ExportFormatError {
    const shown = this.problems.slice(0, SHOWN_PROBLEMS).join('; ');
    const more = this.problems.length > SHOWN_PROBLEMS ? `; and ${this.problems.length - SHOWN_PROBLEMS} more` : '';
    return new ExportFormatError(
      `export ${this.location} is invalid: ${shown}${more}; export again with this version of sr-migrate`,
      this.location,
      [...this.problems],
    );
  }

  private acceptHeader(line: RawLine): void {
    const record = this.parse(line);
    if (!record || record.type !== 'header' || record.format !== EXPORT_FORMAT) {
      throw new ExportFormatError(
        `${this.location} is not a schema-registry export: line 1 is not a header record with format "${EXPORT_FORMAT}"`,
        this.location,
      );
    }
    const version = record.formatVersion;
    if (!Number.isInteger(version) || (version as number) < 1) {
      throw new ExportFormatError(
        `export format version ${JSON.stringify(version)} is not valid (${this.location}); export again`,
        this.location,
      );
    }
    if ((version as number) > EXPORT_FORMAT_VERSION) {
      throw new ExportFormatError(
        `export format version ${version} is newer than this tool understands (${EXPORT_FORMAT_VERSION}); upgrade sr-migrate`,
        this.location,
      );
    }
    if (typeof record.exportedAt !== 'string' || !isObject(record.source) || typeof record.source.url !== 'string') {
      this.problems.push('line 1 (header): exportedAt and source.url are required');
    } else if (record.source.id !== undefined && typeof record.source.id !== 'string') {
      this.problems.push('line 1 (header): source.id must be a string');
    }
    if (
      record.frozenScopes !== undefined &&
      !(Array.isArray(record.frozenScopes) && record.frozenScopes.every((s) => typeof s === 'string'))
    ) {
      this.problems.push('line 1 (header): frozenScopes must be a list of scopes');
    }
    this.header = record as unknown as HeaderRecord;
    this.hash.update(line.bytes);
    this.hash.update('\n');
  }

  private parse(line: RawLine): Record<string, unknown> | undefined {
    let value: unknown;
    try {
      value = JSON.parse(line.bytes.toString('utf8'));
    } catch {
      value = undefined;
    }
    if (!isObject(value)) {
      this.firstUnparsableLine ??= line.number;
      this.problems.push(`line ${line.number} is not a JSON record`);
      // Still part of the hashed content (it is not a trailer).
      if (line.number > 1) {
        this.hash.update(line.bytes);
        this.hash.update('\n');
      }
      return undefined;
    }
    return value;
  }

  private track(record: BodyRecord, line: number): void {
    switch (record.type) {
      case 'context':
        if (this.contexts.has(record.context)) this.problems.push(`line ${line}: context ${record.context} declared twice`);
        this.contexts.add(record.context);
        break;
      case 'schema': {
        const key = `${record.subject}\u0000${record.version}`;
        if (this.subjectVersions.has(key)) {
          this.problems.push(`line ${line}: ${record.subject} version ${record.version} appears twice`);
        }
        this.subjectVersions.add(key);
        this.noteContext(record.context, line);
        this.maxSchemaId.set(record.context, Math.max(this.maxSchemaId.get(record.context) ?? 0, record.id));
        break;
      }
      case 'maxId':
        if (this.maxIds.has(record.context)) this.problems.push(`line ${line}: maxId for context ${record.context} given twice`);
        this.maxIds.set(record.context, { maxId: record.maxId, line });
        this.noteContext(record.context, line);
        break;
      default:
        break;
    }
  }

  private noteContext(context: string, line: number): void {
    if (!this.referencedContexts.has(context)) this.referencedContexts.set(context, line);
  }

  private checkReferencedContexts(): void {
    for (const [context, line] of this.referencedContexts) {
      if (!this.contexts.has(context)) this.problems.push(`line ${line}: context ${context} is used but has no context record`);
    }
  }

  private checkMaxIds(): void {
    for (const [context, { maxId, line }] of this.maxIds) {
      const highest = this.maxSchemaId.get(context) ?? 0;
      if (maxId < highest) {
        this.problems.push(`line ${line}: maxId ${maxId} for context ${context} is below schema id ${highest} in the same context`);
      }
    }
  }

  private checkCounts(): void {
    const trailer = this.trailer as TrailerRecord;
    for (const type of Object.keys(this.counts) as BodyType[]) {
      if (trailer.counts[type] !== this.counts[type]) {
        this.problems.push(
          `counts do not match the trailer: ${this.counts[type]} ${type} records in the file, ${trailer.counts[type]} in the trailer`,
        );
      }
    }
  }
}
