import { validateSeedingConfig } from '../../../lib/config/seeding-config';

const SHA = 'f'.repeat(64);

test('no seeding block is valid (seeding off)', () => {
  expect(validateSeedingConfig(undefined)).toEqual([]);
});

test.each([
  [{ exportBucket: 'sr-exports', exportKey: 'exports/a.jsonl.gz', exportSha256: SHA }],
  [{ exportBucket: 'sr-exports', exportKey: 'exports/a.jsonl.gz' }],
  [{ exportKey: 'backups/prod/2026-11-26T14-05-09Z.jsonl.gz' }],
  [{ localExportFile: 'exports/a.jsonl.gz', timeoutMinutes: 30 }],
])('valid: %j', (config) => {
  expect(validateSeedingConfig(config)).toEqual([]);
});

test('every problem is listed with the field and the fix', () => {
  expect(
    validateSeedingConfig(
      { exportBucket: 'Bad_Bucket', localExportFile: 'x.jsonl', exportSha256: 'abc', timeoutMinutes: 60 },
      'dev.seeding',
    ),
  ).toEqual([
    'dev.seeding: set either exportKey (an export already in S3) or localExportFile (uploaded by CDK), not both',
    'dev.seeding.exportBucket "Bad_Bucket" is not a valid S3 bucket name (3-63 lowercase letters, digits, dots, hyphens)',
    'dev.seeding.exportKey is required with exportBucket (the object key of the export in that bucket)',
    "dev.seeding.exportSha256 must be 64 lowercase hex digits (the export's trailer sha256)",
    'dev.seeding.exportSha256 is read from localExportFile at synth time; remove it',
    'dev.seeding.timeoutMinutes must be a whole number from 5 to 50 (CloudFormation waits at most 1 hour for a custom resource); registries too large for that window are imported with sr-migrate from inside the VPC (see the runbook)',
  ]);
});

test('an empty block says how to turn seeding off', () => {
  expect(validateSeedingConfig({})).toEqual([
    'seeding: set exportKey (and exportBucket unless it is the data bucket), or localExportFile; remove the seeding block to turn seeding off',
  ]);
});
