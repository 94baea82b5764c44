import { DEFAULT_MONITORING_CONFIG, type MonitoringConfig, validateMonitoringConfig } from '../../../lib/config/monitoring-config';

const prod = DEFAULT_MONITORING_CONFIG.prod;
const withProd = (override: Partial<MonitoringConfig>): MonitoringConfig => ({ ...prod, ...override });

describe('DEFAULT_MONITORING_CONFIG', () => {
  test.each(['dev', 'staging', 'prod'] as const)('%s defaults are valid', (env) => {
    expect(validateMonitoringConfig(DEFAULT_MONITORING_CONFIG[env])).toEqual([]);
  });

  test('prod is at least as strict as staging, and staging as dev', () => {
    const { dev, staging } = DEFAULT_MONITORING_CONFIG;
    for (const field of ['fiveXxRatePercent', 'p99LatencyMs', 'cpuPercent', 'memoryPercent', 'periodMinutes'] as const) {
      expect(prod[field]).toBeLessThanOrEqual(staging[field]);
      expect(staging[field]).toBeLessThanOrEqual(dev[field]);
    }
  });
});

describe('validateMonitoringConfig', () => {
  test.each([
    [{ fiveXxRatePercent: -1 }, 'monitoring.fiveXxRatePercent must be a percentage above 0 and at most 100, got -1'],
    [{ cpuPercent: 0 }, 'monitoring.cpuPercent must be a percentage above 0 and at most 100, got 0'],
    [{ memoryPercent: 120 }, 'monitoring.memoryPercent must be a percentage above 0 and at most 100, got 120'],
    [{ p99LatencyMs: -5 }, 'monitoring.p99LatencyMs must be a positive number of milliseconds, got -5'],
    [{ periodMinutes: 1.5 }, 'monitoring.periodMinutes must be a positive whole number, got 1.5'],
    [{ evaluationPeriods: 0 }, 'monitoring.evaluationPeriods must be a positive whole number, got 0'],
    [{ backupStaleAfterSchedules: 0.5 }, 'monitoring.backupStaleAfterSchedules must be at least 1'],
  ])('%j -> one clear problem', (override, message) => {
    const problems = validateMonitoringConfig(withProd(override));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(message);
  });

  test('datapointsToAlarm may not exceed evaluationPeriods', () => {
    expect(validateMonitoringConfig(withProd({ evaluationPeriods: 3, datapointsToAlarm: 4 }))).toEqual([
      expect.stringContaining('monitoring.datapointsToAlarm (4) must not exceed evaluationPeriods (3)'),
    ]);
  });

  test("the evaluation window must fit CloudWatch's limit (1 day below hourly periods, else 7 days)", () => {
    expect(validateMonitoringConfig(withProd({ periodMinutes: 5, evaluationPeriods: 289, datapointsToAlarm: 1 }))).toEqual([
      expect.stringContaining("exceeds CloudWatch's 1-day evaluation window"),
    ]);
    expect(validateMonitoringConfig(withProd({ periodMinutes: 5, evaluationPeriods: 288, datapointsToAlarm: 1 }))).toEqual([]);
    expect(validateMonitoringConfig(withProd({ periodMinutes: 60, evaluationPeriods: 169, datapointsToAlarm: 1 }))).toEqual([
      expect.stringContaining("exceeds CloudWatch's 7-day evaluation window"),
    ]);
  });

  test('malformed and duplicate emails are named', () => {
    const problems = validateMonitoringConfig(
      withProd({ emails: ['oncall@example.com', 'not-an-email', 'a b@example.com', 'oncall@example.com'] }),
    );
    expect(problems).toEqual([
      'monitoring.emails[1] "not-an-email" is not an email address',
      'monitoring.emails[2] "a b@example.com" is not an email address',
      'monitoring.emails lists oncall@example.com more than once',
    ]);
  });

  test('existingTopicArn must be a standard SNS topic ARN', () => {
    expect(validateMonitoringConfig(withProd({ existingTopicArn: 'arn:aws:sns:eu-west-1:123456789012:platform-alarms' }))).toEqual([]);
    expect(validateMonitoringConfig(withProd({ existingTopicArn: 'arn:aws:sqs:eu-west-1:123456789012:q' }))).toEqual([
      expect.stringContaining('is not an SNS topic ARN'),
    ]);
    expect(validateMonitoringConfig(withProd({ existingTopicArn: 'arn:aws:sns:eu-west-1:1234:x' }))).toEqual([
      expect.stringContaining('is not an SNS topic ARN'),
    ]);
    expect(validateMonitoringConfig(withProd({ existingTopicArn: 'arn:aws:sns:eu-west-1:123456789012:alarms.fifo' }))).toEqual([
      expect.stringContaining('CloudWatch alarms cannot publish to FIFO topics'),
    ]);
  });

  test('emails and existingTopicArn are mutually exclusive', () => {
    const problems = validateMonitoringConfig(
      withProd({ emails: ['oncall@example.com'], existingTopicArn: 'arn:aws:sns:eu-west-1:123456789012:platform-alarms' }),
    );
    expect(problems).toEqual([expect.stringContaining('set either emails')]);
  });

  test('reports every problem at once, under the given path', () => {
    const problems = validateMonitoringConfig(withProd({ cpuPercent: 0, memoryPercent: 0, emails: ['x'] }), 'prod.monitoring');
    expect(problems).toHaveLength(3);
    for (const problem of problems) expect(problem.startsWith('prod.monitoring')).toBe(true);
  });
});
