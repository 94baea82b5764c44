import { Duration, Stage, type StageProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { type EnvironmentConfig, MAX_SEEDING_TIMEOUT_MINUTES, validateConfig } from '../config';
import { ScheduledBackup } from '../constructs/backup';
import { MigrationTask, RegistryModeCheck } from '../constructs/migration';
import type { RegistryAccessProps } from '../constructs/registry-access';
import { RegistrySeeding, SeedExportSource } from '../constructs/seeding';
import { removalPolicyOf } from '../constructs/shared/removal-policy';
import { retentionDays } from '../constructs/shared/retention';
import { applyControlTowerSuppressions } from '../nag/control-tower-suppressions';
import { DataStack } from '../stacks/data-stack';
import { MonitoringStack } from '../stacks/monitoring-stack';
import { NetworkStack } from '../stacks/network-stack';
import { RegistryStack } from '../stacks/registry-stack';

export interface RegistryStageProps extends StageProps {
  /** The environment's configuration; validated here, so a bad value fails before any stack is built. */
  readonly config: EnvironmentConfig;
}

/** Stage id per environment: `cdk deploy 'Dev/*'` (lambda/contracts: `sr-migrate remote` finds the stacks by it). */
export { STAGE_IDS } from '../../lambda/contracts/stack-names';

/**
 * One environment: Network -> Data (stateful) -> Registry (stateless, with the seeding
 * resource and scheduled backups) -> Monitoring. Deploy with `cdk deploy 'Dev/*'`.
 */
export class RegistryStage extends Stage {
  readonly config: EnvironmentConfig;
  readonly network: NetworkStack;
  readonly data: DataStack;
  readonly registry: RegistryStack;
  readonly monitoring: MonitoringStack;
  /** Present when the environment configures `seeding`. */
  readonly seeding?: RegistrySeeding;
  /** Present when `backup.enabled`. */
  readonly backup?: ScheduledBackup;
  /** The on-demand migration task (`sr-migrate remote`); present when `migration.enabled`. */
  readonly migrationTask?: MigrationTask;
  /** The scheduled mode check of the registry; present when `migration.enabled`. */
  readonly modeCheck?: RegistryModeCheck;

  constructor(scope: Construct, id: string, props: RegistryStageProps) {
    super(scope, id, props);
    const config = validateConfig(props.config);
    this.config = config;
    const env = { account: config.account, region: config.region };

    // Stacks are named `<Stage>-<id>` (Prod-Data); generated log-group names start with the stack
    // name, which is what the environment key lets CloudWatch Logs use it for.
    const logGroupNamePrefix = `${this.stageName}-`;
    this.network = new NetworkStack(this, 'Network', { env, config });
    this.data = new DataStack(this, 'Data', { env, config, vpc: this.network.vpc, logGroupNamePrefix });
    this.registry = new RegistryStack(this, 'Registry', {
      env,
      config,
      vpc: this.network.vpc,
      adminSecret: this.data.adminSecret,
      accessLogsBucket: this.data.accessLogsBucket,
      createdKafka: this.data.mskCluster?.connection(),
      environmentKey: this.data.key,
    });

    // Seeding, backups and any other registry-access function live with the service they talk
    // to: they reach it through its listener, and a registry redeploy must not leave them
    // pointing at an old endpoint. Each takes this one object spread into its props.
    const registryAccess: RegistryAccessProps = {
      registryUrl: this.registry.registryUrl,
      registryListener: this.registry.listener,
      adminSecret: this.registry.adminSecret,
      adminSecretKey: this.data.key,
      vpc: this.network.vpc,
      logRetention: retentionDays(config.service.logRetentionDays),
      logEncryptionKey: this.data.key,
    };
    if (config.seeding) {
      this.seeding = new RegistrySeeding(this.registry, 'Seeding', {
        ...registryAccess,
        source: SeedExportSource.fromConfig(config.seeding, this.data.bucket),
        stateBucket: this.data.bucket,
        service: this.registry.service,
        timeout: Duration.minutes(config.seeding.timeoutMinutes ?? MAX_SEEDING_TIMEOUT_MINUTES),
      });
    }
    if (config.backup.enabled) {
      this.backup = new ScheduledBackup(this.registry, 'Backup', {
        ...registryAccess,
        envName: config.name,
        config: config.backup,
        bucket: this.data.bucket,
      });
    }

    if (config.migration.enabled) {
      this.migrationTask = new MigrationTask(this.registry, 'MigrationTask', {
        ...registryAccess,
        // The task's log is the record of a migration: kept like the registry's own logs.
        logRemovalPolicy: removalPolicyOf(config.data),
        envName: config.name,
        cluster: this.registry.cluster,
        bucket: this.data.bucket,
        config: config.migration,
      });
      this.modeCheck = new RegistryModeCheck(this.registry, 'ModeCheck', {
        ...registryAccess,
        envName: config.name,
        intervalMinutes: config.migration.modeCheckIntervalMinutes,
      });
    }

    this.monitoring = new MonitoringStack(this, 'Monitoring', {
      env,
      terminationProtection: config.terminationProtection,
      envName: config.name,
      monitoring: config.monitoring,
      loadBalancer: this.registry.loadBalancer,
      targetGroup: this.registry.targetGroup,
      service: this.registry.service,
      cluster: this.registry.cluster,
      minTaskCount: this.registry.minTaskCount,
      seedFunction: this.seeding?.onEventFunction.function,
      seedCompletionFunction: this.seeding?.isCompleteFunction.function,
      backupFunction: this.backup?.backupFunction.function,
      backupAgeMetric: this.backup?.backupAgeMetric(),
      migration: this.modeCheck
        ? {
            alarms: config.migration.alarms,
            modeCheck: { intervalMinutes: this.modeCheck.intervalMinutes, checkFunction: this.modeCheck.checkFunction.function },
          }
        : undefined,
    });

    applyControlTowerSuppressions(this, config);
  }
}
