import type { RegisterSchemaRequest } from '../lambda/registry-client/types';

/**
 * The benchmark registry: SUBJECTS subjects × VERSIONS versions = 20,000 subject-versions.
 * - the last 10% of subjects live in the named context ".bench" (ids restart there);
 * - every subject i with i % 4 === 1 references subject i-1 (same version) by named type;
 * - i % 20 === 3: version 1 soft-deleted; i % 100 === 7: the whole subject soft-deleted
 *   (neither is ever referenced, as on a real server);
 * - i % 50 === 0: a subject-level compatibility config; i % 500 === 0: a subject-level mode.
 * Subject names are zero-padded so listing order is numeric order (a reference target
 * always sorts before its referrer, which the naive copier relies on).
 */
/** `BENCH_SUBJECTS` shrinks the corpus for quick local iterations; the reported benchmark uses the default. */
export const SUBJECTS = Number(process.env.BENCH_SUBJECTS ?? 5_000);
export const VERSIONS = 4;
export const NAMED_CONTEXT = '.bench';
const CONTEXT_FROM = SUBJECTS - Math.floor(SUBJECTS / 10);

export interface BenchVersion {
  readonly subject: string;
  readonly context: string;
  readonly request: RegisterSchemaRequest & { id: number; version: number };
  /** Registered only after the version it references (second wave). */
  readonly isReferrer: boolean;
}

function contextOfIndex(i: number): string {
  return i >= CONTEXT_FROM ? NAMED_CONTEXT : '.';
}

export function subjectName(i: number): string {
  const name = `bench-${String(i).padStart(5, '0')}-value`;
  return contextOfIndex(i) === '.' ? name : `:${NAMED_CONTEXT}:${name}`;
}

function recordName(i: number): string {
  return `R${i}`;
}

/** Ids: per context, 4 per subject, in subject order (a gap of 1000 keeps them non-contiguous with the context's start). */
function idOf(i: number, version: number): number {
  const local = contextOfIndex(i) === '.' ? i : i - CONTEXT_FROM;
  return 1000 + local * VERSIONS + version;
}

export function benchVersions(): BenchVersion[] {
  const versions: BenchVersion[] = [];
  for (let i = 0; i < SUBJECTS; i++) {
    const isReferrer = i % 4 === 1;
    for (let version = 1; version <= VERSIONS; version++) {
      const fields: Array<{ name: string; type: unknown; default?: unknown }> = [{ name: 'id', type: 'string' }];
      for (let f = 1; f < version + 2; f++) fields.push({ name: `field_${f}`, type: ['null', 'string'], default: null });
      if (isReferrer) fields.push({ name: 'parent', type: `bench.${recordName(i - 1)}` });
      const schema = JSON.stringify({ type: 'record', name: recordName(i), namespace: 'bench', fields });
      const request: BenchVersion['request'] = {
        schema,
        schemaType: 'AVRO',
        ...(isReferrer
          ? { references: [{ name: `bench.${recordName(i - 1)}`, subject: subjectName(i - 1).replace(/^:\.[^:]*:/, ''), version }] }
          : {}),
        ...(i % 10 === 0 ? { metadata: { properties: { owner: `team-${i % 7}` } } } : {}),
        id: idOf(i, version),
        version,
      };
      versions.push({ subject: subjectName(i), context: contextOfIndex(i), request, isReferrer });
    }
  }
  return versions;
}

export interface BenchDeletes {
  readonly versions: Array<{ subject: string; version: number }>;
  readonly subjects: string[];
}

export function benchDeletes(): BenchDeletes {
  const versions: Array<{ subject: string; version: number }> = [];
  const subjects: string[] = [];
  for (let i = 0; i < SUBJECTS; i++) {
    if (i % 100 === 7) subjects.push(subjectName(i));
    else if (i % 20 === 3) versions.push({ subject: subjectName(i), version: 1 });
  }
  return { versions, subjects };
}

export function benchSettings(): {
  configs: Array<{ scope: string; body: Record<string, unknown> }>;
  modes: Array<{ scope: string; mode: 'READWRITE' | 'READONLY' }>;
} {
  const configs: Array<{ scope: string; body: Record<string, unknown> }> = [{ scope: '', body: { compatibility: 'FULL' } }];
  const modes: Array<{ scope: string; mode: 'READWRITE' | 'READONLY' }> = [];
  for (let i = 0; i < SUBJECTS; i++) {
    if (i % 50 === 0) configs.push({ scope: subjectName(i), body: { compatibility: i % 100 === 0 ? 'NONE' : 'FORWARD' } });
    if (i % 500 === 0) modes.push({ scope: subjectName(i), mode: 'READWRITE' });
  }
  return { configs, modes };
}
