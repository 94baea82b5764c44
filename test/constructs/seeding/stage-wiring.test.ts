import { Duration } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { DEFAULT_BACKUP_CONFIG } from '../../../lib/config/backup-config';
import { ENVIRONMENTS } from '../../../lib/config';
import { ScheduledBackup } from '../../../lib/constructs/backup';
import type { BackupAgeMetric } from '../../../lib/constructs/monitoring/backup-staleness-alarm';
import { RegistrySeeding, SeedExportSource } from '../../../lib/constructs/seeding';
import { retentionDays } from '../../../lib/constructs/shared/retention';
import { RegistryStage, STAGE_IDS } from '../../../lib/stages/registry-stage';
import { testApp } from '../../helpers/app';
import { nagFindings } from './fixture';

/**
 * The wiring the README and the hand-over describe, against the real stage: both constructs in
 * the Registry stack, fed by the Network, Data and Registry stacks. Proves the cross-stack
 * references synthesize (no cycles), the lifecycle rule lands on the Data stack's bucket, and
 * the whole stage stays cdk-nag clean.
 */
test('seeding and backups wire into the real dev stage', () => {
  const app = testApp();
  const config = ENVIRONMENTS.dev;
  const stage = new RegistryStage(app, STAGE_IDS.dev, { config });
  const logRetention = retentionDays(config.service.logRetentionDays);

  const seeding = new RegistrySeeding(stage.registry, 'Seeding', {
    // No exportBucket: the export sits in the environment's data bucket.
    source: SeedExportSource.fromConfig({ exportKey: 'exports/source.jsonl.gz', exportSha256: 'a'.repeat(64) }, stage.data.bucket),
    registryUrl: stage.registry.registryUrl,
    registryListener: stage.registry.listener,
    adminSecret: stage.data.adminSecret,
    vpc: stage.network.vpc,
    service: stage.registry.service,
    timeout: Duration.minutes(50),
    logRetention,
  });
  const backup = new ScheduledBackup(stage.registry, 'Backup', {
    envName: config.name,
    config: DEFAULT_BACKUP_CONFIG[config.name],
    bucket: stage.data.bucket,
    registryUrl: stage.registry.registryUrl,
    registryListener: stage.registry.listener,
    adminSecret: stage.data.adminSecret,
    vpc: stage.network.vpc,
    logRetention,
  });

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
