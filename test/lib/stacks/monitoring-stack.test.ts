import { Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { DEFAULT_MONITORING_CONFIG } from '../../../lib/config/monitoring-config';
import { ENVIRONMENT_NAMES } from '../../../lib/config/environment-name';
import { MonitoringStack, type MonitoringStackProps } from '../../../lib/stacks/monitoring-stack';
import { buildRegistryFixture, type RegistryFixture } from '../constructs/monitoring/fixture';
import { testApp } from '../../helpers/app';
import { defaultStage } from './stage-fixture';

const ENV = { region: 'eu-west-1' };
const BACKUP_AGE = {
  namespace: 'SchemaRegistry/Backups',
  metricName: 'NewestBackupAgeSeconds',
  dimensions: { Environment: 'prod' },
  scheduleMinutes: 360,
};

/** An app with a stand-in registry stack and one monitoring stack per environment. */
function buildApp() {
  const app = testApp();
  const registryStack = new Stack(app, 'RegistryFixture', { env: ENV });
  const registry = buildRegistryFixture(registryStack);
  const watched = (r: RegistryFixture) => ({
    loadBalancer: r.loadBalancer,
    targetGroup: r.targetGroup,
    service: r.service,
    cluster: r.cluster,
    minTaskCount: 2,
  });
  const stacks = Object.fromEntries(
    ENVIRONMENT_NAMES.map((envName) => {
      const props: MonitoringStackProps = {
        env: ENV,
        envName,
        monitoring: DEFAULT_MONITORING_CONFIG[envName],
        ...watched(registry),
        // prod gets everything; dev shows the stack without the optional Lambda inputs.
        ...(envName === 'dev'
          ? {}
          : {
              seedFunction: registry.seedFunction,
              seedCompletionFunction: registry.seedCompletionFunction,
              backupFunction: registry.backupFunction,
              backupAgeMetric: BACKUP_AGE,
            }),
      };
      return [envName, new MonitoringStack(app, `Monitoring-${envName}`, props)];
    }),
  ) as Record<(typeof ENVIRONMENT_NAMES)[number], MonitoringStack>;
  return { app, registry, registryStack, stacks };
}

describe('MonitoringStack', () => {
  const { app, registryStack, stacks } = buildApp();
  const prod = Template.fromStack(stacks.prod);
  const dev = Template.fromStack(stacks.dev);
  const topicId = stacks.prod.getLogicalId((stacks.prod.topic as any).node.defaultChild);

  test('prod: every alarm family, each named Prod-SchemaRegistry-* with ALARM and OK actions on the topic', () => {
    const alarms = Object.values(prod.findResources('AWS::CloudWatch::Alarm')).map((r: any) => r.Properties);
    expect(alarms.map((a) => a.AlarmName).sort()).toEqual(
      [
        '5xxRate',
        'BackupErrors',
        'BackupStale',
        'CpuHigh',
        'HealthyHostsBelowMin',
        'MemoryHigh',
        'P99Latency',
        'RunningTasksBelowDesired',
        'SeedErrors',
        'UnhealthyHosts',
      ]
        .map((suffix) => `Prod-SchemaRegistry-${suffix}`)
        .sort(),
    );
    for (const alarm of alarms) {
      expect(alarm.AlarmActions).toEqual([{ Ref: topicId }]);
      expect(alarm.OKActions).toEqual([{ Ref: topicId }]);
      expect(['breaching', 'notBreaching']).toContain(alarm.TreatMissingData);
    }
    expect(stacks.prod.alarms).toHaveLength(10);
  });

  test('dev: without seed/backup inputs there are no Lambda or staleness alarms, and names carry Dev-', () => {
    const names = Object.values(dev.findResources('AWS::CloudWatch::Alarm')).map((r: any) => r.Properties.AlarmName);
    expect(names).toHaveLength(7);
    for (const name of names) expect(name).toMatch(/^Dev-SchemaRegistry-/);
    expect(names).not.toContain('Dev-SchemaRegistry-SeedErrors');
  });

  test('thresholds differ per environment as configured (dev relaxed, prod strict)', () => {
    const threshold = (template: Template, name: string) =>
      (Object.values(template.findResources('AWS::CloudWatch::Alarm')) as any[]).find((r) => r.Properties.AlarmName === name).Properties
        .Threshold;
    expect(threshold(prod, 'Prod-SchemaRegistry-5xxRate')).toBe(1);
    expect(threshold(dev, 'Dev-SchemaRegistry-5xxRate')).toBe(10);
    expect(threshold(prod, 'Prod-SchemaRegistry-CpuHigh')).toBe(80);
    expect(threshold(dev, 'Dev-SchemaRegistry-CpuHigh')).toBe(90);
  });

  test('one dashboard per environment, named with the environment prefix', () => {
    for (const envName of ENVIRONMENT_NAMES) {
      const template = Template.fromStack(stacks[envName]);
      template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
      const prefix = `${envName.charAt(0).toUpperCase()}${envName.slice(1)}-SchemaRegistry`;
      template.hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardName: prefix });
    }
  });

  test('deployment failures and rollbacks of the watched service go to the topic', () => {
    prod.resourceCountIs('AWS::Events::Rule', 2);
    for (const rule of Object.values(prod.findResources('AWS::Events::Rule')) as any[]) {
      expect(rule.Properties.EventPattern.source).toEqual(['aws.ecs']);
      expect(rule.Properties.Targets[0].Arn).toEqual({ Ref: topicId });
    }
  });

  test('cdk-nag AwsSolutions finds nothing in any monitoring stack', () => {
    for (const stack of Object.values(stacks)) {
      const report = new AwsSolutionsChecks(app).validateScope(stack);
      expect(report.violations).toEqual([]);
    }
    // Control: the same check does flag the deliberately bare fixture (no flow logs, no ALB logs).
    expect(new AwsSolutionsChecks(app).validateScope(registryStack).violations.length).toBeGreaterThan(0);
  });

  test('synthesizes without warnings or errors', () => {
    for (const stack of Object.values(stacks)) {
      const annotations = Annotations.fromStack(stack);
      annotations.hasNoWarning('*', Match.anyValue());
      annotations.hasNoError('*', Match.anyValue());
    }
  });

  test('snapshot (prod)', () => {
    expect(prod.toJSON()).toMatchSnapshot();
  });
});

describe('MonitoringStack with an existing topic', () => {
  test('publishes to the given ARN and creates no topic or key', () => {
    const app = testApp();
    const registry = buildRegistryFixture(new Stack(app, 'RegistryFixture', { env: ENV }));
    const arn = 'arn:aws:sns:eu-west-1:123456789012:platform-alarms';
    const stack = new MonitoringStack(app, 'Monitoring', {
      env: ENV,
      envName: 'staging',
      monitoring: { ...DEFAULT_MONITORING_CONFIG.staging, existingTopicArn: arn },
      ...registry,
      minTaskCount: 2,
    });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::SNS::Topic', 0);
    template.resourceCountIs('AWS::KMS::Key', 0);
    for (const alarm of Object.values(template.findResources('AWS::CloudWatch::Alarm')) as any[]) {
      expect(alarm.Properties.AlarmActions).toEqual([arn]);
      expect(alarm.Properties.OKActions).toEqual([arn]);
    }
    for (const rule of Object.values(template.findResources('AWS::Events::Rule')) as any[]) {
      expect(rule.Properties.Targets[0].Arn).toBe(arn);
    }
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });
});

describe('MonitoringStack input validation', () => {
  test('an invalid config fails the synth with every problem listed', () => {
    const app = testApp();
    const registry = buildRegistryFixture(new Stack(app, 'RegistryFixture', { env: ENV }));
    expect(
      () =>
        new MonitoringStack(app, 'Monitoring', {
          env: ENV,
          envName: 'prod',
          monitoring: { ...DEFAULT_MONITORING_CONFIG.prod, cpuPercent: -1, evaluationPeriods: 2, datapointsToAlarm: 3 },
          ...registry,
          minTaskCount: 2,
        }),
    ).toThrow(
      /MonitoringStack at Monitoring: invalid props:\n - monitoring\.cpuPercent .*\n - monitoring\.datapointsToAlarm \(3\) must not exceed evaluationPeriods \(2\)/,
    );
  });

  test('problems in the config and in the other props are reported together, each once', () => {
    const app = testApp();
    const registry = buildRegistryFixture(new Stack(app, 'RegistryFixture', { env: ENV }));
    expect(
      () =>
        new MonitoringStack(app, 'Monitoring', {
          env: ENV,
          envName: 'prod eu',
          monitoring: { ...DEFAULT_MONITORING_CONFIG.prod, cpuPercent: 0, backupStaleAfterSchedules: 0 },
          ...registry,
          minTaskCount: 0,
          backupAgeMetric: { ...BACKUP_AGE, scheduleMinutes: 0 },
        }),
    ).toThrow(
      [
        'MonitoringStack at Monitoring: invalid props:',
        ' - monitoring.cpuPercent must be a percentage above 0 and at most 100, got 0',
        ' - monitoring.backupStaleAfterSchedules must be at least 1 (a backup is stale only after a missed schedule), got 0',
        " - envName: environment name 'prod eu' must start with a letter and contain only letters, digits and '-'",
        " - minTaskCount must be a whole number >= 1, got 0; pass the service's autoscaling lower bound",
        ' - backupAgeMetric.scheduleMinutes must be a whole number >= 1, got 0',
      ].join('\n'),
    );
  });
});

describe.each(['dev', 'staging', 'prod'] as const)('Monitoring stack in the %s stage', (name) => {
  test('matches the snapshot', () => {
    expect(defaultStage(name).monitoring.toJSON()).toMatchSnapshot();
  });
});
