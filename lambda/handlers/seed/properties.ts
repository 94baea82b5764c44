import { SEED_PROPERTIES } from '../../contracts/seeding';

/**
 * The seeding custom resource's properties. CloudFormation delivers every property as a
 * string (numbers and booleans included), so everything is parsed from strings here.
 */
export interface SeedProperties {
  readonly exportBucket: string;
  readonly exportKey: string;
  /** The export's trailer sha256 the object must carry; undefined when not pinned. */
  readonly exportSha256?: string;
  readonly registryUrl: string;
  readonly adminSecretArn: string;
  /** Cluster name or ARN; set together with `ecsService`. */
  readonly ecsCluster?: string;
  /** Service name or ARN to wait for before seeding. */
  readonly ecsService?: string;
}

/** Bad resource properties: a template or config mistake, not a transient failure. */
export class SeedPropertiesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SeedPropertiesError';
  }
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Parses and checks the resource properties; throws one error listing every problem. */
export function parseSeedProperties(raw: Record<string, unknown> | undefined): SeedProperties {
  const props = raw ?? {};
  const problems: string[] = [];
  const text = (name: string, required: boolean): string | undefined => {
    const value = props[name];
    if (value === undefined || value === null || value === '') {
      if (required) problems.push(`${name} is required`);
      return undefined;
    }
    if (typeof value !== 'string') {
      problems.push(`${name} must be a string`);
      return undefined;
    }
    return value.trim();
  };

  const exportBucket = text(SEED_PROPERTIES.exportBucket, true);
  const exportKey = text(SEED_PROPERTIES.exportKey, true);
  const exportSha256 = text(SEED_PROPERTIES.exportSha256, false)?.toLowerCase();
  const registryUrl = text(SEED_PROPERTIES.registryUrl, true);
  const adminSecretArn = text(SEED_PROPERTIES.adminSecretArn, true);
  const ecsCluster = text(SEED_PROPERTIES.ecsCluster, false);
  const ecsService = text(SEED_PROPERTIES.ecsService, false);

  if (exportSha256 !== undefined && !SHA256_HEX.test(exportSha256)) {
    problems.push(`${SEED_PROPERTIES.exportSha256} must be 64 hex digits (the export's trailer sha256)`);
  }
  if (registryUrl !== undefined && !/^https?:\/\/[^\s]+$/.test(registryUrl)) {
    problems.push(`${SEED_PROPERTIES.registryUrl} must be an http:// or https:// URL`);
  }
  if ((ecsCluster === undefined) !== (ecsService === undefined)) {
    problems.push(
      `${SEED_PROPERTIES.ecsCluster} and ${SEED_PROPERTIES.ecsService} must be set together (or both left out to skip waiting for the service)`,
    );
  }
  if (problems.length > 0) {
    throw new SeedPropertiesError(`Invalid seeding properties: ${problems.join('; ')}`);
  }
  return {
    exportBucket: exportBucket!,
    exportKey: exportKey!,
    exportSha256,
    registryUrl: registryUrl!.replace(/\/+$/, ''),
    adminSecretArn: adminSecretArn!,
    ecsCluster,
    ecsService,
  };
}

/** `s3://bucket/key`, the location form the export stores understand. */
export function exportLocation(props: Pick<SeedProperties, 'exportBucket' | 'exportKey'>): string {
  return `s3://${props.exportBucket}/${props.exportKey}`;
}

/**
 * True when an Update asks for exactly what the previous seeding already did: the same
 * export (by trailer sha256 when both pin one, otherwise by location) into the same registry.
 * Such an Update does nothing: no S3 read, no registry call.
 */
export function isSameSeeding(previous: Record<string, unknown> | undefined, next: SeedProperties): boolean {
  let old: SeedProperties;
  try {
    old = parseSeedProperties(previous);
  } catch {
    // An old property shape we cannot read (e.g. from an earlier version): seed again, it is idempotent.
    return false;
  }
  if (old.registryUrl !== next.registryUrl) return false;
  if (old.exportSha256 !== undefined && next.exportSha256 !== undefined) return old.exportSha256 === next.exportSha256;
  return old.exportSha256 === next.exportSha256 && exportLocation(old) === exportLocation(next);
}
