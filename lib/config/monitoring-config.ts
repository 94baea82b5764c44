import type { EnvironmentName } from './environment-name';
import { isEmailAddress, isPositiveInteger, isSnsTopicArn } from './validation/formats';

/**
 * Alarm thresholds and notification targets of the Monitoring stack (docs/architecture.md §3).
 * The service alarms (5xx rate, latency, host health, running tasks, CPU, memory) share
 * one evaluation pattern: `datapointsToAlarm` breaching periods of `periodMinutes` within
 * the last `evaluationPeriods` periods. Lambda-error and backup-staleness alarms have their
 * own fixed pattern because those functions run rarely (see the README's alarm table).
 */
export interface MonitoringConfig {
  /**
   * Alarm when more than this percentage of requests end in a 5xx (load balancer 5xx plus
   * target 5xx over the request count).
   * @default 10 (dev), 5 (staging), 1 (prod)
   */
  readonly fiveXxRatePercent: number;

  /**
   * Alarm when the p99 target response time exceeds this many milliseconds.
   * @default 3000 (dev), 2000 (staging), 1000 (prod)
   */
  readonly p99LatencyMs: number;

  /**
   * Alarm when the service's average CPU utilization exceeds this percentage.
   * @default 90 (dev), 85 (staging), 80 (prod)
   */
  readonly cpuPercent: number;

  /**
   * Alarm when the service's average memory utilization exceeds this percentage.
   * @default 90 (dev), 85 (staging), 80 (prod)
   */
  readonly memoryPercent: number;

  /**
   * Length of one evaluation period of the service alarms, in minutes.
   * @default 5 (dev), 1 (staging, prod)
   */
  readonly periodMinutes: number;

  /**
   * Number of recent periods the service alarms look at (the N of "M out of N").
   * `periodMinutes * evaluationPeriods` may not exceed one day (CloudWatch limit).
   * @default 3 (dev), 5 (staging, prod)
   */
  readonly evaluationPeriods: number;

  /**
   * Number of breaching periods within `evaluationPeriods` that raise the alarm (the M).
   * @default 3 (dev), 4 (staging), 3 (prod)
   */
  readonly datapointsToAlarm: number;

  /**
   * The backup-staleness alarm fires when the newest backup is older than this many backup
   * schedules (intervals).
   * @default 2
   */
  readonly backupStaleAfterSchedules: number;

  /**
   * Email addresses subscribed to the alarm topic. Each address must confirm the subscription
   * from the email AWS sends. Not allowed together with `existingTopicArn`.
   * @default [] (no subscription: subscribe a pager/chat endpoint to the topic yourself)
   */
  readonly emails: readonly string[];

  /**
   * Send alarms and deployment events to this existing standard (not FIFO) SNS topic instead
   * of creating one. Its topic policy must let `cloudwatch.amazonaws.com` and
   * `events.amazonaws.com` publish, and if it is KMS-encrypted, its key policy must let both
   * use the key (see the README's monitoring section).
   * @default undefined (the stack creates an encrypted topic)
   */
  readonly existingTopicArn?: string;

  /**
   * MSK enhanced monitoring level of a created cluster (`kafka.mode` `create`): `DEFAULT` is
   * free; `PER_BROKER` and finer levels publish billed per-broker (per-topic) metrics.
   * @default 'DEFAULT' (dev, staging), 'PER_BROKER' (prod)
   */
  readonly mskBrokerMetrics: MskBrokerMetrics;
}

/** MSK `EnhancedMonitoring` levels. */
export const MSK_BROKER_METRICS = ['DEFAULT', 'PER_BROKER', 'PER_TOPIC_PER_BROKER', 'PER_TOPIC_PER_PARTITION'] as const;
/** One of MSK_BROKER_METRICS. */
export type MskBrokerMetrics = (typeof MSK_BROKER_METRICS)[number];

/** Dev is relaxed (few tasks, noisy experiments), prod strict; staging sits in between. */
export const DEFAULT_MONITORING_CONFIG: Record<EnvironmentName, MonitoringConfig> = {
  dev: {
    fiveXxRatePercent: 10,
    p99LatencyMs: 3000,
    cpuPercent: 90,
    memoryPercent: 90,
    periodMinutes: 5,
    evaluationPeriods: 3,
    datapointsToAlarm: 3,
    backupStaleAfterSchedules: 2,
    emails: [],
    mskBrokerMetrics: 'DEFAULT',
  },
  staging: {
    fiveXxRatePercent: 5,
    p99LatencyMs: 2000,
    cpuPercent: 85,
    memoryPercent: 85,
    periodMinutes: 1,
    evaluationPeriods: 5,
    datapointsToAlarm: 4,
    backupStaleAfterSchedules: 2,
    emails: [],
    mskBrokerMetrics: 'DEFAULT',
  },
  prod: {
    fiveXxRatePercent: 1,
    p99LatencyMs: 1000,
    cpuPercent: 80,
    memoryPercent: 80,
    periodMinutes: 1,
    evaluationPeriods: 5,
    datapointsToAlarm: 3,
    backupStaleAfterSchedules: 2,
    emails: [],
    mskBrokerMetrics: 'PER_BROKER',
  },
};

// CloudWatch: for periods under an hour, period x evaluation periods may not exceed one day;
// otherwise seven days.
const MAX_WINDOW_MINUTES_SHORT_PERIOD = 24 * 60;
const MAX_WINDOW_MINUTES_LONG_PERIOD = 7 * 24 * 60;

/** Problems with a monitoring config, each naming the field and the fix; [] when valid. */
export function validateMonitoringConfig(config: MonitoringConfig, path = 'monitoring'): string[] {
  const problems: string[] = [];
  const percentFields = ['fiveXxRatePercent', 'cpuPercent', 'memoryPercent'] as const;
  for (const field of percentFields) {
    const value = config[field];
    if (!(typeof value === 'number' && value > 0 && value <= 100)) {
      problems.push(`${path}.${field} must be a percentage above 0 and at most 100, got ${value}`);
    }
  }
  if (!(typeof config.p99LatencyMs === 'number' && config.p99LatencyMs > 0)) {
    problems.push(`${path}.p99LatencyMs must be a positive number of milliseconds, got ${config.p99LatencyMs}`);
  }
  problems.push(...validateEvaluation(config, path));
  if (!(typeof config.backupStaleAfterSchedules === 'number' && config.backupStaleAfterSchedules >= 1)) {
    problems.push(
      `${path}.backupStaleAfterSchedules must be at least 1 (a backup is stale only after a missed schedule), got ${config.backupStaleAfterSchedules}`,
    );
  }
  problems.push(...validateNotifications(config, path));
  if (!MSK_BROKER_METRICS.includes(config.mskBrokerMetrics)) {
    problems.push(`${path}.mskBrokerMetrics must be one of ${MSK_BROKER_METRICS.join(', ')}, got ${String(config.mskBrokerMetrics)}`);
  }
  return problems;
}

function validateEvaluation(config: MonitoringConfig, path: string): string[] {
  const problems: string[] = [];
  const { periodMinutes, evaluationPeriods, datapointsToAlarm } = config;
  for (const [field, value] of Object.entries({ periodMinutes, evaluationPeriods, datapointsToAlarm })) {
    if (!isPositiveInteger(value)) problems.push(`${path}.${field} must be a positive whole number, got ${value}`);
  }
  if (problems.length > 0) return problems;
  if (datapointsToAlarm > evaluationPeriods) {
    problems.push(
      `${path}.datapointsToAlarm (${datapointsToAlarm}) must not exceed evaluationPeriods (${evaluationPeriods}): ` +
        'an alarm cannot need more breaching periods than it looks at',
    );
  }
  const maxWindow = periodMinutes < 60 ? MAX_WINDOW_MINUTES_SHORT_PERIOD : MAX_WINDOW_MINUTES_LONG_PERIOD;
  if (periodMinutes * evaluationPeriods > maxWindow) {
    problems.push(
      `${path}.periodMinutes x evaluationPeriods (${periodMinutes} x ${evaluationPeriods}) exceeds CloudWatch's ` +
        `${maxWindow / 1440}-day evaluation window; lower one of them`,
    );
  }
  return problems;
}

function validateNotifications(config: MonitoringConfig, path: string): string[] {
  const problems: string[] = [];
  const emails = config.emails ?? [];
  emails.forEach((email, index) => {
    if (!isEmailAddress(email)) problems.push(`${path}.emails[${index}] "${email}" is not an email address`);
  });
  const duplicates = emails.filter((email, index) => emails.indexOf(email) !== index);
  if (duplicates.length > 0) problems.push(`${path}.emails lists ${[...new Set(duplicates)].join(', ')} more than once`);

  const arn = config.existingTopicArn;
  if (arn !== undefined) {
    if (!isSnsTopicArn(arn)) {
      problems.push(`${path}.existingTopicArn "${arn}" is not an SNS topic ARN (arn:aws:sns:<region>:<12-digit account>:<name>)`);
    } else if (arn.endsWith('.fifo')) {
      problems.push(`${path}.existingTopicArn must be a standard topic: CloudWatch alarms cannot publish to FIFO topics`);
    }
    if (emails.length > 0) {
      problems.push(
        `${path}: set either emails (subscribed to the topic this stack creates) or existingTopicArn ` +
          "(subscriptions are then managed by that topic's owner), not both",
      );
    }
  }
  return problems;
}
