import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type { MigrationAlarmsConfig } from '../../config/migration-config';
import type { MigrationMetrics } from './migration-metrics';

const WIDTH = 8;
const HEIGHT = 6;

export interface MigrationDashboardRowProps {
  readonly metrics: MigrationMetrics;
  readonly alarms: MigrationAlarmsConfig;
  /** Minutes between two mode checks; undefined when there is no mode check. */
  readonly modeCheckIntervalMinutes?: number;
}

/**
 * The dashboard's migration row: the registry's scopes in IMPORT/READONLY against sync
 * activity, how far the sync is behind and what it writes, and how long since its last good pass.
 */
export function addMigrationDashboardRow(dashboard: cloudwatch.Dashboard, props: MigrationDashboardRowProps): void {
  const m = props.metrics;
  const minute = Duration.minutes(1);
  const modes =
    props.modeCheckIntervalMinutes === undefined
      ? new cloudwatch.TextWidget({
          markdown: '### Scopes in IMPORT/READONLY\nThe mode check is not configured.',
          width: WIDTH,
          height: HEIGHT,
        })
      : new cloudwatch.GraphWidget({
          title: 'Migration: scopes in IMPORT/READONLY',
          left: [m.scopesNotWritable(cloudwatch.Stats.MAXIMUM, Duration.minutes(props.modeCheckIntervalMinutes))],
          leftAnnotations: [{ value: props.alarms.allowedNotWritableScopes, label: 'alarm when above (and no sync runs)' }],
          right: [m.syncPasses(minute), m.scopesInImport()],
          width: WIDTH,
          height: HEIGHT,
        });
  dashboard.addWidgets(
    modes,
    new cloudwatch.GraphWidget({
      title: 'Migration: sync versions behind and writes',
      left: [m.versionsBehind(cloudwatch.Stats.MAXIMUM, minute)],
      right: [m.writes()],
      width: WIDTH,
      height: HEIGHT,
    }),
    new cloudwatch.GraphWidget({
      title: 'Migration: seconds since last good sync pass',
      left: [m.secondsSinceLastSuccess()],
      leftAnnotations: [{ value: props.alarms.syncNoSuccessMinutes * 60, label: 'SyncStalled' }],
      width: WIDTH,
      height: HEIGHT,
    }),
  );
}
