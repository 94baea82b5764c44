import { randomBytes } from 'node:crypto';

/** Options of the registry test double and the server-version feature switches derived from them. */

export interface RegistryDoubleOptions {
  /**
   * Server version to emulate. < 8.0: no `deleted` flag in listings and schemaType omitted for AVRO;
   * < 7.3: GET /v1/metadata/version is 404; >= 8.2 incompatible error code 40901 else 409.
   * @default '8.1.0'
   */
  version?: string;
  /** When set, every request except GET / needs this HTTP basic auth (401 otherwise). @default no auth */
  auth?: { username: string; password: string };
  /** Service time of each write, inside the single write lock (writes are serialized like the real leader; queued writes complete this far apart). @default 0 */
  writeLatencyMs?: number;
  /** Latency added to each read request (not serialized). @default 0 */
  readLatencyMs?: number;
  /** Max and default page size of GET /schemas; a larger limit is silently replaced by the default. @default 1000 */
  schemasPageLimit?: number;
  /** Whether mode changes are allowed (`mode.mutability`). @default true */
  modeMutability?: boolean;
  /** Server default compatibility (`schema.compatibility.level`). @default 'BACKWARD' */
  defaultCompatibility?: string;
  /** TCP port to listen on (127.0.0.1). @default 0 (an ephemeral port) */
  port?: number;
  /**
   * The Kafka cluster id `GET /v1/metadata/id` reports: with `schema.registry.group.id` it
   * identifies a registry whatever URL it is reached by. @default a random id per double
   */
  kafkaClusterId?: string;
}

/** Parsed `major.minor.patch` of the emulated server. */
export class ServerVersion {
  readonly parts: readonly [number, number, number];

  /** Answers by threshold: renderers ask several times per schema, on every request. */
  private readonly atLeastCache = new Map<string, boolean>();

  constructor(readonly text: string) {
    const match = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(text);
    if (!match) {
      throw new Error(`Registry double: version "${text}" is not "major.minor.patch"; pass e.g. "7.9.0" or "8.1.0".`);
    }
    this.parts = [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
  }

  /** True when this version is >= `other` ("7.4.1"). */
  atLeast(other: string): boolean {
    let answer = this.atLeastCache.get(other);
    if (answer === undefined) {
      answer = compareParts(this.parts, new ServerVersion(other).parts) >= 0;
      this.atLeastCache.set(other, answer);
    }
    return answer;
  }
}

function compareParts(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < 3; i++) {
    if (a[i] !== b[i]) return a[i] - b[i];
  }
  return 0;
}

/** Options with every default applied, plus the feature switches the routes consult. */
export interface ResolvedOptions {
  readonly version: ServerVersion;
  readonly auth?: { readonly username: string; readonly password: string };
  /** Mutable: `RegistryDouble.setLatency` changes it at run time (e.g. after a fast bulk load). */
  writeLatencyMs: number;
  /** Mutable like `writeLatencyMs`. */
  readLatencyMs: number;
  readonly schemasPageLimit: number;
  readonly modeMutability: boolean;
  readonly defaultCompatibility: string;
  readonly port: number;
  readonly kafkaClusterId: string;
}

export function resolveOptions(options: RegistryDoubleOptions = {}): ResolvedOptions {
  const nonNegative = (name: string, value: number | undefined, fallback: number): number => {
    const v = value ?? fallback;
    if (!Number.isFinite(v) || v < 0) throw new Error(`Registry double: ${name} must be a number >= 0, got ${value}.`);
    return v;
  };
  const pageLimit = nonNegative('schemasPageLimit', options.schemasPageLimit, 1000);
  if (pageLimit < 1) throw new Error('Registry double: schemasPageLimit must be >= 1.');
  return {
    version: new ServerVersion(options.version ?? '8.1.0'),
    auth: options.auth,
    writeLatencyMs: nonNegative('writeLatencyMs', options.writeLatencyMs, 0),
    readLatencyMs: nonNegative('readLatencyMs', options.readLatencyMs, 0),
    schemasPageLimit: Math.floor(pageLimit),
    modeMutability: options.modeMutability ?? true,
    defaultCompatibility: (options.defaultCompatibility ?? 'BACKWARD').toUpperCase(),
    port: options.port ?? 0,
    kafkaClusterId: options.kafkaClusterId ?? `double-${randomBytes(6).toString('hex')}`,
  };
}
