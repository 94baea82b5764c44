import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { MIGRATION_ENV } from '../../lambda/contracts/migration-state';
import { publishSyncMetrics, type SyncPassMetrics } from '../../lambda/migration/sync';
import { UsageError } from '../errors';
import type { CliIo } from '../io';

/**
 * `--metrics [environment]`: a publisher of each pass's metrics to CloudWatch with the
 * environment dimension the Monitoring stack's alarms watch. The environment comes from the
 * option's value, else `SR_MIGRATE_ENVIRONMENT` (the migration task sets it).
 */
export function metricsPublisher(
  option: string | boolean | undefined,
  io: CliIo,
  client: Pick<CloudWatchClient, 'send'> = new CloudWatchClient({}),
): ((metrics: SyncPassMetrics) => Promise<void>) | undefined {
  if (!option) return undefined;
  const environment = typeof option === 'string' ? option : io.env[MIGRATION_ENV.environment];
  if (!environment) {
    throw new UsageError(
      `--metrics needs the environment the alarms watch: pass --metrics <dev|staging|prod> or set ${MIGRATION_ENV.environment}`,
    );
  }
  if (!/^[a-z0-9-]+$/.test(environment))
    throw new UsageError(`--metrics environment "${environment}" must be lowercase letters, digits and dashes`);
  return (metrics) => publishSyncMetrics(client, environment, metrics);
}
