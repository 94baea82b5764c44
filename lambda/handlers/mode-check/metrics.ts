import { PutMetricDataCommand, StandardUnit, type CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { MIGRATION_METRIC_DIMENSION, MIGRATION_METRIC_NAMESPACE, MODE_CHECK_METRICS } from '../../contracts/migration-metrics';

/** Publishes one mode-check result: how many scopes are in IMPORT or READONLY (lambda/contracts/migration-metrics.ts). */
export async function publishScopesNotWritable(cloudwatch: CloudWatchClient, envName: string, count: number, at: Date): Promise<void> {
  await cloudwatch.send(
    new PutMetricDataCommand({
      Namespace: MIGRATION_METRIC_NAMESPACE,
      MetricData: [
        {
          MetricName: MODE_CHECK_METRICS.scopesNotWritable,
          Dimensions: [{ Name: MIGRATION_METRIC_DIMENSION, Value: envName }],
          Value: count,
          Unit: StandardUnit.Count,
          Timestamp: at,
        },
      ],
    }),
  );
}
