import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3assets from 'aws-cdk-lib/aws-s3-assets';
import type { Construct } from 'constructs';
import { type SeedingConfig, validateSeedingConfig } from '../../config/seeding-config';
import { grantBucketKeyUse } from '../shared/bucket-key-grants';
import { readExportTrailerSha256 } from './export-trailer';

/** Where the seeding export is, once bound into a stack. */
export interface BoundSeedExport {
  readonly bucketName: string;
  readonly objectKey: string;
  /** The export's trailer sha256, when known at synth time. */
  readonly sha256?: string;
  /** Grants reading exactly this object (nothing else in the bucket), and decrypting it when the bucket has a KMS key. */
  grantRead(grantee: iam.IGrantable): void;
}

/**
 * The export to seed from: an object already in S3, or a local file CDK uploads as an asset.
 * `ExportSha256` is always the export's trailer sha256 (see SeedingConfig).
 */
export abstract class SeedExportSource {
  /**
   * An export already uploaded, e.g. `exports/2026-11-26.jsonl.gz` in the data bucket: pass the
   * bucket itself (any stack) or the name of an existing bucket.
   */
  static fromBucket(bucket: s3.IBucket | string, objectKey: string, sha256?: string): SeedExportSource {
    return new BucketSource(bucket, objectKey, sha256);
  }

  /** A local export file; uploaded as an S3 asset, its trailer sha256 read now. */
  static fromLocalFile(path: string): SeedExportSource {
    return new LocalFileSource(path);
  }

  /**
   * The source a seeding config describes; `dataBucket` is where `exportKey` lives when the
   * config names no `exportBucket`. Throws one error listing every problem with the config
   * (validateSeedingConfig) and a missing bucket.
   */
  static fromConfig(config: SeedingConfig, dataBucket?: s3.IBucket): SeedExportSource {
    const problems = validateSeedingConfig(config);
    if (config.localExportFile === undefined && config.exportKey && config.exportBucket === undefined && dataBucket === undefined) {
      problems.push('seeding.exportKey needs a bucket: set seeding.exportBucket, or pass the data bucket to SeedExportSource.fromConfig');
    }
    if (problems.length > 0) {
      throw new Error(`SeedExportSource.fromConfig: invalid seeding config:\n${problems.map((p) => ` - ${p}`).join('\n')}`);
    }
    if (config.localExportFile !== undefined) return SeedExportSource.fromLocalFile(config.localExportFile);
    return SeedExportSource.fromBucket((config.exportBucket ?? dataBucket)!, config.exportKey!, config.exportSha256);
  }

  abstract bind(scope: Construct): BoundSeedExport;
}

class BucketSource extends SeedExportSource {
  constructor(
    private readonly bucket: s3.IBucket | string,
    private readonly objectKey: string,
    private readonly sha256?: string,
  ) {
    super();
  }

  bind(scope: Construct): BoundSeedExport {
    const bucket = typeof this.bucket === 'string' ? s3.Bucket.fromBucketName(scope, 'ExportBucket', this.bucket) : this.bucket;
    return objectExport(bucket, this.objectKey, this.sha256);
  }
}

class LocalFileSource extends SeedExportSource {
  constructor(private readonly path: string) {
    super();
  }

  bind(scope: Construct): BoundSeedExport {
    const sha256 = readExportTrailerSha256(this.path);
    const asset = new s3assets.Asset(scope, 'ExportAsset', { path: this.path });
    return objectExport(asset.bucket, asset.s3ObjectKey, sha256);
  }
}

function objectExport(bucket: s3.IBucket, objectKey: string, sha256: string | undefined): BoundSeedExport {
  return {
    bucketName: bucket.bucketName,
    objectKey,
    sha256,
    grantRead(grantee) {
      grantee.grantPrincipal.addToPrincipalPolicy(
        new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [bucket.arnForObjects(objectKey)] }),
      );
      grantBucketKeyUse(grantee, bucket, 'read');
    },
  };
}
