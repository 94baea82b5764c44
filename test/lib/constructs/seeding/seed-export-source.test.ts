import { Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { SeedExportSource } from '../../../../lib/constructs/seeding';
import { testApp } from '../../../helpers/app';

describe('SeedExportSource.fromConfig', () => {
  test('an export in the data bucket binds to that bucket and key', () => {
    const stack = new Stack(testApp(), 'Source');
    const bucket = new s3.Bucket(stack, 'Data');
    const bound = SeedExportSource.fromConfig({ exportKey: 'exports/a.jsonl.gz', exportSha256: 'a'.repeat(64) }, bucket).bind(stack);
    expect(bound.objectKey).toBe('exports/a.jsonl.gz');
    expect(bound.sha256).toBe('a'.repeat(64));
    expect(stack.resolve(bound.bucketName)).toEqual({ Ref: stack.getLogicalId(bucket.node.defaultChild as s3.CfnBucket) });
  });

  test('every problem with the config is reported together, the missing bucket included', () => {
    expect(() => SeedExportSource.fromConfig({ exportKey: '/exports/a.jsonl.gz', exportSha256: 'abc', timeoutMinutes: 90 })).toThrow(
      [
        'SeedExportSource.fromConfig: invalid seeding config:',
        ' - seeding.exportKey must not start with "/" (S3 keys are relative to the bucket)',
        " - seeding.exportSha256 must be 64 lowercase hex digits (the export's trailer sha256)",
        ' - seeding.timeoutMinutes must be a whole number from 5 to 50 (CloudFormation waits at most 1 hour for a custom resource); ' +
          'registries too large for that window are imported with sr-migrate from inside the VPC (see the runbook)',
        ' - seeding.exportKey needs a bucket: set seeding.exportBucket, or pass the data bucket to SeedExportSource.fromConfig',
      ].join('\n'),
    );
  });
});
