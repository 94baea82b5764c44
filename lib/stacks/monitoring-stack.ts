import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import type * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { type MonitoringConfig, validateMonitoringConfig } from '../config/monitoring-config';
import {
  addMigrationDashboardRow,
  type AlarmContext,
  AlarmTopic,
  type BackupAgeGraph,
  type BackupAgeMetric,
  BackupStalenessAlarm,
  backupStalenessProblems,
  DeploymentEventNotifications,
  envNameProblems,
  ErrorRateAlarm,
  HostHealthAlarms,
  LambdaErrorAlarm,
  LatencyAlarm,
  MigrationAlarms,
  type MigrationMonitoringProps,
  minTaskCountProblems,
  monitoringNamePrefix,
  RegistryDashboard,
  RegistryMetrics,
  SaturationAlarms,
  TaskCountAlarm,
} from '../constructs/monitoring';
import { throwIfInvalidProps } from '../constructs/shared/invalid-props';

export interface MonitoringStackProps extends StackProps {
  /** Environment name (`dev`, `staging`, `prod`); prefixes every alarm and the dashboard (`Prod-SchemaRegistry-…`). */
  readonly envName: string;

  /** Thresholds, evaluation pattern and notification targets of this environment. */
  readonly monitoring: MonitoringConfig;

  /** The registry's load balancer (5xx from the load balancer, request count). */
  readonly loadBalancer: elbv2.IApplicationLoadBalancer;

  /** The registry's target group (target 5xx, response time, healthy/unhealthy hosts). */
  readonly targetGroup: elbv2.IApplicationTargetGroup;

  /** The registry's ECS service (CPU, memory, task counts, deployment events). */
  readonly service: ecs.IBaseService;

  /** The cluster running the service; needs Container Insights for the running-task alarm. */
  readonly cluster: ecs.ICluster;

  /**
   * Autoscaling lower bound: fewer healthy targets than this raise `HealthyHostsBelowMin`. Pass the
   * Registry stack's `MinTasks` parameter so the alarm follows a deploy-time override.
   */
  readonly minTaskCount: number;

  /**
   * The seeding function (one invocation per seed run, e.g. the custom resource's onEvent
   * handler): adds `SeedErrors` and the dashboard's last-seed-result widgets.
   * @default undefined (no seed alarm; the dashboard says seeding is not configured)
   */
  readonly seedFunction?: lambda.IFunction;

  /**
   * The seeding's completion handler (the Provider's isComplete function, which does the
   * import); its errors count as seed errors too. Ignored without `seedFunction`.
   * @default undefined (only `seedFunction` errors count)
   */
  readonly seedCompletionFunction?: lambda.IFunction;

  /**
   * The scheduled backup function: adds `BackupErrors`.
   * @default undefined (no backup-error alarm)
   */
  readonly backupFunction?: lambda.IFunction;

  /**
   * The newest-backup-age metric the backup feature publishes: adds `BackupStale` and the
   * dashboard's backup-age graph.
   * @default undefined (no staleness alarm)
   */
  readonly backupAgeMetric?: BackupAgeMetric;

  /**
   * Watch a live migration: `SyncStalled`, `SyncBehind`, and with the mode check
   * `RegistryNotWritable` and `ModeCheckErrors`; plus the dashboard's migration row.
   * @default undefined (no migration alarms)
   */
  readonly migration?: MigrationMonitoringProps;
}

/**
 * Alarms, deployment-failure notifications and the dashboard of one environment (docs/architecture.md §3).
 * Deployed after the registry stack, whose resources it only reads.
 */
export class MonitoringStack extends Stack {
  /** Where every alarm (ALARM and OK) and deployment event is published. */
  readonly topic: sns.ITopic;
  /** Every alarm of the environment, in dashboard order. */
  readonly alarms: readonly cloudwatch.Alarm[];
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: MonitoringStackProps) {
    super(scope, id, props);
    const config = props.monitoring;
    const problems = [
      ...validateMonitoringConfig(config),
      ...envNameProblems(props.envName),
      ...minTaskCountProblems(props.minTaskCount),
      ...(props.backupAgeMetric
        ? backupStalenessProblems(props.backupAgeMetric, config.backupStaleAfterSchedules, {
            metric: 'backupAgeMetric',
            staleAfterSchedules: 'monitoring.backupStaleAfterSchedules',
          })
        : []),
    ];
    // Every problem once: the staleness check repeats the config's check of the same field.
    throwIfInvalidProps(this, 'MonitoringStack', [...new Set(problems)]);
    const namePrefix = monitoringNamePrefix(props.envName);

    const alarmTopic = new AlarmTopic(this, 'AlarmTopic', {
      namePrefix,
      emails: config.emails,
      existingTopicArn: config.existingTopicArn,
    });
    this.topic = alarmTopic.topic;
    const context: AlarmContext = { namePrefix, topic: alarmTopic.topic };
    const metrics = new RegistryMetrics({
      loadBalancer: props.loadBalancer,
      targetGroup: props.targetGroup,
      cluster: props.cluster,
      service: props.service,
      period: Duration.minutes(config.periodMinutes),
    });

    const serviceAlarmProps = { context, metrics, config };
    const hostHealth = new HostHealthAlarms(this, 'HostHealth', { ...serviceAlarmProps, minTaskCount: props.minTaskCount });
    const saturation = new SaturationAlarms(this, 'Saturation', serviceAlarmProps);
    const alarms: cloudwatch.Alarm[] = [
      new ErrorRateAlarm(this, 'ErrorRate', serviceAlarmProps).alarm,
      new LatencyAlarm(this, 'Latency', serviceAlarmProps).alarm,
      hostHealth.unhealthyHosts,
      hostHealth.healthyHostsBelowMin,
      new TaskCountAlarm(this, 'TaskCount', serviceAlarmProps).alarm,
      saturation.cpu,
      saturation.memory,
    ];
    if (props.seedFunction) {
      alarms.push(
        new LambdaErrorAlarm(this, 'SeedErrors', {
          context,
          functions: [props.seedFunction, ...(props.seedCompletionFunction ? [props.seedCompletionFunction] : [])],
          role: 'Seed',
          description:
            'The seed function failed (the deploy that seeds the registry fails with it). First check: its log group for the failing step.',
        }).alarm,
      );
    }
    if (props.backupFunction) {
      alarms.push(
        new LambdaErrorAlarm(this, 'BackupErrors', {
          context,
          functions: [props.backupFunction],
          role: 'Backup',
          description: 'A scheduled registry backup failed. First check: the backup function logs (registry reachability, S3 access).',
        }).alarm,
      );
    }
    let backupAge: BackupAgeGraph | undefined;
    if (props.backupAgeMetric) {
      const staleness = new BackupStalenessAlarm(this, 'BackupStaleness', {
        context,
        metric: props.backupAgeMetric,
        staleAfterSchedules: config.backupStaleAfterSchedules,
      });
      alarms.push(staleness.alarm);
      backupAge = { metric: staleness.graphMetric, staleThreshold: staleness.threshold, range: staleness.graphRange };
    }
    const migration = props.migration
      ? new MigrationAlarms(this, 'Migration', { ...props.migration, context, envName: props.envName })
      : undefined;
    if (migration) alarms.push(...migration.alarms);
    this.alarms = alarms;

    new DeploymentEventNotifications(this, 'DeploymentEvents', { namePrefix, service: props.service, alarmTopic });

    this.dashboard = new RegistryDashboard(this, 'Dashboard', {
      dashboardName: namePrefix,
      metrics,
      alarms,
      thresholds: config,
      minTaskCount: props.minTaskCount,
      seedFunction: props.seedFunction,
      seedCompletionFunction: props.seedFunction ? props.seedCompletionFunction : undefined,
      backupAge,
    }).dashboard;
    if (migration && props.migration) {
      addMigrationDashboardRow(this.dashboard, {
        metrics: migration.metrics,
        alarms: props.migration.alarms,
        modeCheckIntervalMinutes: props.migration.modeCheck?.intervalMinutes,
      });
    }
  }
}
