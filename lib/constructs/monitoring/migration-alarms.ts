import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import type { MigrationAlarmsConfig } from '../../config/migration-config';
import { type AlarmContext, createEnvAlarm } from './alarm-context';
import { LambdaErrorAlarm } from './lambda-error-alarm';
import { MigrationMetrics } from './migration-metrics';

/** The scheduled mode check, as the migration alarms need it. */
export interface ModeCheckMonitoring {
  /** Minutes between two checks. */
  readonly intervalMinutes: number;
  /** The check's function: its failures raise `ModeCheckErrors` (a failing check publishes nothing). */
  readonly checkFunction: lambda.IFunction;
}

/** What the Monitoring stack needs to watch a migration. */
export interface MigrationMonitoringProps {
  readonly alarms: MigrationAlarmsConfig;
  /**
   * The scheduled mode check of the new registry.
   * @default undefined (no `RegistryNotWritable` and no `ModeCheckErrors`)
   */
  readonly modeCheck?: ModeCheckMonitoring;
}

export interface MigrationAlarmsProps extends MigrationMonitoringProps {
  readonly context: AlarmContext;
  /** The metrics' `Environment` dimension. */
  readonly envName: string;
}

/** Longest period of the versions-behind alarm: a pass of a large registry may take minutes. */
const BEHIND_PERIOD_MINUTES = 5;

/**
 * The alarms that watch a live migration (docs/monitoring.md "Migration alarms"):
 * - `RegistryNotWritable`: every mode check for `notWritableMinutes` found more than
 *   `allowedNotWritableScopes` scopes in IMPORT or READONLY, and no sync pass was published in
 *   that window (a running sync keeps the target in IMPORT on purpose). One period spans the
 *   window, so it fires however the check and the sync's passes fall in it.
 * - `SyncStalled`: a running sync has had no successful pass for `syncNoSuccessMinutes`.
 * - `SyncBehind`: every pass for `syncBehindMinutes` started with versions behind.
 * - `ModeCheckErrors`: the mode check failed (and so published nothing).
 * Nothing published means no sync runs: the sync alarms treat it as OK.
 */
export class MigrationAlarms extends Construct {
  readonly alarms: readonly cloudwatch.Alarm[];
  readonly metrics: MigrationMetrics;
  readonly notWritable?: cloudwatch.Alarm;
  readonly syncStalled: cloudwatch.Alarm;
  readonly syncBehind: cloudwatch.Alarm;
  readonly modeCheckErrors?: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: MigrationAlarmsProps) {
    super(scope, id);
    const { context, alarms: config } = props;
    const metrics = (this.metrics = new MigrationMetrics(props.envName));

    if (props.modeCheck) {
      const window = Duration.minutes(config.notWritableMinutes);
      this.notWritable = createEnvAlarm(this, 'NotWritable', context, {
        nameSuffix: 'RegistryNotWritable',
        description:
          `Registry left in IMPORT/READONLY: more than ${config.allowedNotWritableScopes} scope(s) of the new registry stayed in IMPORT or READONLY ` +
          `for ${config.notWritableMinutes} minutes and no sync is running, so producers cannot register schemas. ` +
          'First check: the mode-check function log (it names the scopes); if a cut-over ended early, finish it or set the modes back (docs/runbook.md).',
        metric: new cloudwatch.MathExpression({
          expression: 'IF(FILL(passes, 0) > 0, 0, scopes)',
          usingMetrics: {
            scopes: metrics.scopesNotWritable(cloudwatch.Stats.MINIMUM, window),
            passes: metrics.syncPasses(window),
          },
          label: 'Scopes in IMPORT/READONLY while no sync runs',
          period: window,
        }),
        threshold: config.allowedNotWritableScopes,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        datapointsToAlarm: 1,
        // No check result: ModeCheckErrors covers a failing check.
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      this.modeCheckErrors = new LambdaErrorAlarm(this, 'ModeCheckErrors', {
        context,
        functions: [props.modeCheck.checkFunction],
        role: 'ModeCheck',
        description:
          'The scheduled mode check of the registry failed, so RegistryNotWritable cannot see the registry. First check: the mode-check function logs (registry reachability, admin credentials).',
      }).alarm;
    }

    this.syncStalled = createEnvAlarm(this, 'SyncStalled', context, {
      nameSuffix: 'SyncStalled',
      description:
        `A running sr-migrate sync (or cutover) has had no successful pass for ${config.syncNoSuccessMinutes} minutes: the new registry is falling behind the source. ` +
        'First check: the sync output (sr-migrate remote streams it; else the migration task log group) for the failing step.',
      metric: metrics.secondsSinceLastSuccess(),
      threshold: config.syncNoSuccessMinutes * 60,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      datapointsToAlarm: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });

    const behindPeriod = Math.min(BEHIND_PERIOD_MINUTES, config.syncBehindMinutes);
    const behindPeriods = Math.ceil(config.syncBehindMinutes / behindPeriod);
    this.syncBehind = createEnvAlarm(this, 'SyncBehind', context, {
      nameSuffix: 'SyncBehind',
      description:
        `Every sr-migrate sync pass for ${behindPeriods * behindPeriod} minutes started with subject-versions missing on the new registry: ` +
        'the sync is not catching up. First check: SyncWrites on the dashboard and the sync output for refused writes or conflicts.',
      metric: metrics.versionsBehind(cloudwatch.Stats.MINIMUM, Duration.minutes(behindPeriod)),
      threshold: 0,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: behindPeriods,
      datapointsToAlarm: behindPeriods,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });

    this.alarms = [
      ...(this.notWritable ? [this.notWritable] : []),
      this.syncStalled,
      this.syncBehind,
      ...(this.modeCheckErrors ? [this.modeCheckErrors] : []),
    ];
  }
}
