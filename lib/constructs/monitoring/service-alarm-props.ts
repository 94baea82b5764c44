import type { MonitoringConfig } from '../../config/monitoring-config';
import type { AlarmContext } from './alarm-context';
import type { RegistryMetrics } from './registry-metrics';

/** What every service alarm family needs: where to notify, what to measure, which thresholds. */
export interface ServiceAlarmProps {
  readonly context: AlarmContext;
  readonly metrics: RegistryMetrics;
  /** Thresholds and the shared evaluation pattern (`evaluationPeriods`, `datapointsToAlarm`). */
  readonly config: MonitoringConfig;
}

/** The shared "M out of N" evaluation of the service alarms. */
export function serviceEvaluation(config: MonitoringConfig): { evaluationPeriods: number; datapointsToAlarm: number } {
  return { evaluationPeriods: config.evaluationPeriods, datapointsToAlarm: config.datapointsToAlarm };
}
