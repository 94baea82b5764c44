import { PutMetricDataCommand, StandardUnit, type CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { MIGRATION_METRIC_DIMENSION, MIGRATION_METRIC_NAMESPACE, SYNC_METRICS } from '../../contracts/migration-metrics';
import type { RegistryMode } from '../../registry-client/types';
import type { SyncPassResult } from './sync-pass';

/** What one pass publishes (names: lambda/contracts/migration-metrics.ts). */
export interface SyncPassMetrics {
  readonly versionsBehind: number;
  readonly writes: number;
  /** 0 after a pass without error; undefined when no pass has succeeded yet in this process. */
  readonly secondsSinceLastSuccess?: number;
  /** Scopes of the target in IMPORT after the pass; undefined when the pass failed before reading. */
  readonly scopesInImport?: number;
}

/** Publishes one pass's metrics with the environment dimension the alarms watch. */
export async function publishSyncMetrics(
  cloudwatch: Pick<CloudWatchClient, 'send'>,
  environment: string,
  metrics: SyncPassMetrics,
  at = new Date(),
): Promise<void> {
  const dimensions = [{ Name: MIGRATION_METRIC_DIMENSION, Value: environment }];
  const datum = (name: string, value: number, unit: StandardUnit) => ({
    MetricName: name,
    Dimensions: dimensions,
    Value: value,
    Unit: unit,
    Timestamp: at,
  });
  const data = [
    datum(SYNC_METRICS.versionsBehind, metrics.versionsBehind, StandardUnit.Count),
    datum(SYNC_METRICS.writes, metrics.writes, StandardUnit.Count),
  ];
  if (metrics.secondsSinceLastSuccess !== undefined)
    data.push(datum(SYNC_METRICS.secondsSinceLastSuccess, metrics.secondsSinceLastSuccess, StandardUnit.Seconds));
  if (metrics.scopesInImport !== undefined) data.push(datum(SYNC_METRICS.scopesInImport, metrics.scopesInImport, StandardUnit.Count));
  await cloudwatch.send(new PutMetricDataCommand({ Namespace: MIGRATION_METRIC_NAMESPACE, MetricData: data }));
}

/** Scopes of the target in IMPORT once the pass's writes are made: the target's modes with the plan's mode writes applied. */
export function scopesInImportAfter(pass: Pick<SyncPassResult, 'plan' | 'target'>): number {
  const modes = new Map<string, RegistryMode>(pass.target.modes.map((record) => [record.scope, record.mode]));
  for (const write of [...pass.plan.enterImport, ...pass.plan.modes]) {
    if (write.mode === undefined) modes.delete(write.scope);
    else modes.set(write.scope, write.mode);
  }
  return [...modes.values()].filter((mode) => mode === 'IMPORT').length;
}
