import { Match, Template } from 'aws-cdk-lib/assertions';
import type { BackupAgeMetric } from '../../../../lib/constructs/monitoring/backup-staleness-alarm';
import { RegistryStage, STAGE_IDS } from '../../../../lib/stages/registry-stage';
import { testApp } from '../../../helpers/app';
import { configWith } from '../../stacks/stage-fixture';
import { nagFindings } from '../registry-access/fixture';

/**
 * The stage's own wiring: both constructs in the Registry stack, fed by the Network, Data and
 * Registry stacks. Proves the cross-stack references synthesize (no cycles), the lifecycle rule
 * lands on the Data stack's bucket, and the whole stage stays cdk-nag clean.
 */
test('seeding and backups wire into the real dev stage', () => {
  const config = configWith('dev', {
    // No exportBucket: the export sits in the environment's data bucket.
    seeding: { exportKey: 'exports/source.jsonl.gz', exportSha256: 'a'.repeat(64) },
  });
  const stage = new RegistryStage(testApp(), STAGE_IDS.dev, { config });
  const seeding = stage.seeding!;
  const backup = stage.backup!;

  const registry = Template.fromStack(stage.registry);
  const data = Template.fromStack(stage.data);
  registry.resourceCountIs('Custom::SchemaRegistrySeed', 1);
  // The export is read from the Data stack's bucket (a cross-stack reference, not a literal name).
  const seed = Object.values(registry.findResources('Custom::SchemaRegistrySeed'))[0] as { Properties: Record<string, unknown> };
  expect(JSON.stringify(seed.Properties.ExportBucket)).toMatch(/Dev-Data.*ExportsBucket/);
  expect(seed.Properties.ExportKey).toBe('exports/source.jsonl.gz');
  registry.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(1 day)' });
  data.hasResourceProperties('AWS::S3::Bucket', {
    LifecycleConfiguration: {
      Rules: Match.arrayWith([Match.objectLike({ Id: 'expire-backups-dev', Prefix: 'backups/dev/', ExpirationInDays: 7 })]),
    },
  });
  expect(nagFindings(stage)).toEqual([]);
  expect(seeding.totalTimeout.toMinutes()).toBe(50);
  // The monitoring stack's `backupAgeMetric` prop takes it as is (checked by the type annotation).
  const ageMetric: BackupAgeMetric = backup.backupAgeMetric();
  expect(ageMetric).toMatchObject({ metricName: 'BackupAgeSeconds', dimensions: { Environment: 'dev' }, scheduleMinutes: 1440 });
});
