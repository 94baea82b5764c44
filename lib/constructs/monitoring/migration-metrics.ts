import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import {
  MIGRATION_METRIC_DIMENSION,
  MIGRATION_METRIC_NAMESPACE,
  MODE_CHECK_METRICS,
  SYNC_METRICS,
} from '../../../lambda/contracts/migration-metrics';

/**
 * The migration metrics of one environment (lambda/contracts/migration-metrics.ts): what a sync
 * or cut-over publishes per pass (about every 30 seconds, only while it runs) and what the mode
 * check publishes on its schedule.
 */
export class MigrationMetrics {
  constructor(private readonly envName: string) {}

  /** Scopes of the new registry in IMPORT or READONLY, from the mode check. */
  scopesNotWritable(statistic: string, period: Duration): cloudwatch.Metric {
    return this.metric(MODE_CHECK_METRICS.scopesNotWritable, statistic, period, 'Scopes in IMPORT/READONLY');
  }

  /** Sync passes in the period: every pass publishes SyncSecondsSinceLastSuccess once, failed or not. */
  syncPasses(period: Duration): cloudwatch.Metric {
    return this.metric(SYNC_METRICS.secondsSinceLastSuccess, cloudwatch.Stats.SAMPLE_COUNT, period, 'Sync passes');
  }

  /** Seconds since the last sync pass that completed without error. */
  secondsSinceLastSuccess(period: Duration = Duration.minutes(1)): cloudwatch.Metric {
    return this.metric(SYNC_METRICS.secondsSinceLastSuccess, cloudwatch.Stats.MAXIMUM, period, 'Seconds since last good pass');
  }

  /** Subject-versions the target lacked (or held differently) at the start of a pass. */
  versionsBehind(statistic: string, period: Duration): cloudwatch.Metric {
    return this.metric(SYNC_METRICS.versionsBehind, statistic, period, 'Versions behind');
  }

  /** Writes the sync passes made. */
  writes(period: Duration = Duration.minutes(1)): cloudwatch.Metric {
    return this.metric(SYNC_METRICS.writes, cloudwatch.Stats.SUM, period, 'Sync writes');
  }

  /** Target scopes the passes left in IMPORT (a sync keeps the target in IMPORT until the cut-over). */
  scopesInImport(period: Duration = Duration.minutes(1)): cloudwatch.Metric {
    return this.metric(SYNC_METRICS.scopesInImport, cloudwatch.Stats.MAXIMUM, period, 'Target scopes in IMPORT (sync)');
  }

  private metric(metricName: string, statistic: string, period: Duration, label: string): cloudwatch.Metric {
    return new cloudwatch.Metric({
      namespace: MIGRATION_METRIC_NAMESPACE,
      metricName,
      dimensionsMap: { [MIGRATION_METRIC_DIMENSION]: this.envName },
      statistic,
      period,
      label,
    });
  }
}
