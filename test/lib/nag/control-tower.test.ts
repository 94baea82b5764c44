import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CfnOutput, Fn, Stack, Stage, Validations } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { ENVIRONMENT_NAMES, ENVIRONMENTS } from '../../../lib/config';
import { addControlTowerChecks } from '../../../lib/nag/checks';
import { applyControlTowerSuppressions, CONTROL_SUPPRESSIONS, CROSS_STACK_REFERENCES } from '../../../lib/nag/control-tower-suppressions';
import { controlTowerRuleFiles, inapplicableRules } from '../../../lib/nag/control-tower/applicable-rules';
import { ControlTowerChecks } from '../../../lib/nag/control-tower/plugin';
import { RegistryStage, STAGE_IDS } from '../../../lib/stages/registry-stage';
import { testApp } from '../../helpers/app';

/** One finding of the validation report: control, construct path, and the reason when acknowledged. */
interface Finding {
  readonly control: string;
  readonly path: string;
  readonly reason?: string;
}

interface ReportViolation {
  readonly ruleName: string;
  readonly reason?: string;
  readonly violatingConstructs: { readonly constructPath: string }[];
}

interface ControlTowerReport {
  readonly findings: Finding[];
  readonly suppressed: Finding[];
  readonly followed: string;
}

/** Synthesizes `build`'s app with the Control Tower plugin and reads its report (the synth fails on findings). */
function controlTowerReport(build: (app: ReturnType<typeof testApp>) => void): ControlTowerReport {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'control-tower-'));
  // The synth prints the report it fails on; the test reads the JSON copy instead.
  const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    const app = testApp({}, { outdir });
    build(app);
    addControlTowerChecks(app);
    try {
      app.synth();
    } catch (e) {
      if (!String(e).includes('Validation')) throw e;
    }
    const report = JSON.parse(fs.readFileSync(path.join(outdir, 'validation-report.json'), 'utf8'));
    const plugin = report.pluginReports.find((p: { pluginName: string }) => p.pluginName === 'control-tower');
    const flatten = (violations: ReportViolation[]): Finding[] =>
      violations.flatMap((v) => v.violatingConstructs.map((c) => ({ control: v.ruleName, path: c.constructPath, reason: v.reason })));
    return {
      findings: flatten(plugin.violations).map(({ control, path: p }) => ({ control, path: p })),
      suppressed: flatten(plugin.suppressedViolations ?? []),
      followed: plugin.metadata?.['cross-stack references followed'] ?? '',
    };
  } finally {
    quiet.mockRestore();
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

describe('AWS Control Tower proactive controls on every committed environment', () => {
  // One app, all stages (plus prod with the optional seeding): cfn-guard runs once over every template.
  const report = controlTowerReport((app) => {
    for (const name of ENVIRONMENT_NAMES) new RegistryStage(app, STAGE_IDS[name], { config: ENVIRONMENTS[name] });
    new RegistryStage(app, 'ProdWithSeeding', {
      config: { ...ENVIRONMENTS.prod, seeding: { exportKey: 'exports/source.jsonl.gz', exportSha256: 'b'.repeat(64) } },
    });
  });
  const inStage = (stage: string, findings: Finding[]) => findings.filter((f) => f.path.startsWith(`${stage}/`));

  test.each([...Object.values(STAGE_IDS), 'ProdWithSeeding'])('%s: no finding left', (stage) => {
    expect(inStage(stage, report.findings)).toEqual([]);
  });

  test('Prod: only the suppressions that hold for every environment apply, each on its one resource, with its reason', () => {
    const prod = inStage('Prod', report.suppressed).map(({ control, path: p }) => `${control} ${p}`);
    expect(prod.sort()).toEqual(
      [
        'CT.LAMBDA.PR.3 Prod/Network/Custom::VpcRestrictDefaultSGCustomResourceProvider/Handler',
        'CT.S3.PR.10 Prod/Data/AccessLogs/Bucket/Resource',
        'CT.S3.PR.2 Prod/Data/AccessLogs/Bucket/Resource',
        'CT.S3.PR.9 Prod/Data/AccessLogs/Bucket/Resource',
      ].sort(),
    );
    for (const finding of inStage('Prod', report.suppressed)) expect(finding.reason?.length).toBeGreaterThan(40);
  });

  test('Dev and Staging: their extra suppressions come from config choices prod may not make', () => {
    const controls = (stage: string) => [...new Set(inStage(stage, report.suppressed).map((f) => f.control))].sort();
    expect(controls('Staging')).toEqual(['CT.CLOUDWATCH.PR.2', 'CT.LAMBDA.PR.3', 'CT.S3.PR.10', 'CT.S3.PR.2', 'CT.S3.PR.9']);
    expect(controls('Dev')).toEqual([
      'CT.CLOUDWATCH.PR.2',
      'CT.ECS.PR.6',
      'CT.ELASTICLOADBALANCING.PR.1',
      'CT.ELASTICLOADBALANCING.PR.5',
      'CT.LAMBDA.PR.3',
      'CT.S3.PR.10',
      'CT.S3.PR.2',
      'CT.S3.PR.9',
    ]);
  });

  test('cross-stack references are followed for the log groups, functions and load balancer of Prod', () => {
    for (const entry of [
      'CT.CLOUDWATCH.PR.3 ProdRegistryB82DC0F6.template.json/TaskLogsA2B30BBC',
      'CT.LAMBDA.PR.3 ProdRegistryB82DC0F6.template.json/BackupFunction28BADB1D',
      'CT.LAMBDA.PR.3 ProdData90A795AA.template.json/AWS679f53fac002430cb0da5b7982bd22872D164C4C',
      'CT.ELASTICLOADBALANCING.PR.6 ProdRegistryB82DC0F6.template.json/AlbLoadBalancer44085B14',
    ]) {
      expect(report.followed).toContain(entry);
    }
  });
});

describe('the suppressions file', () => {
  test('a suppression whose resource is gone fails the synth instead of lingering', () => {
    const app = testApp();
    const stage = new Stage(app, 'Empty');
    new Stack(stage, 'Data');
    expect(() => applyControlTowerSuppressions(stage, ENVIRONMENTS.prod)).toThrow(
      'Control Tower suppression CT.S3.PR.2: nothing at Empty/Data/AccessLogs/Bucket/Resource',
    );
  });

  test('conditional suppressions never apply to the committed prod config', () => {
    for (const s of CONTROL_SUPPRESSIONS.filter((x) => x.when)) expect([s.control, s.when!(ENVIRONMENTS.prod)]).toEqual([s.control, false]);
  });

  test('every entry has a reason an auditor can read and a Control Tower control id', () => {
    for (const s of [...CONTROL_SUPPRESSIONS, ...CROSS_STACK_REFERENCES]) {
      expect(s.control).toMatch(/^CT\.[A-Z0-9]+\.PR\.\d+$/);
      expect(s.reason.length).toBeGreaterThan(40);
    }
  });
});

describe('the checks fire', () => {
  test('an unencrypted log group and a cross-stack reference to the wrong resource type are findings; a reference to a key is not', () => {
    const report = controlTowerReport((app) => {
      const producer = new Stack(app, 'Producer');
      const key = new kms.Key(producer, 'Key', { enableKeyRotation: true });
      const bucket = new s3.Bucket(producer, 'NotAKey');
      new CfnOutput(producer, 'KeyArn', { value: key.keyArn, exportName: 'probe-key' });
      new CfnOutput(producer, 'BucketArn', { value: bucket.bucketArn, exportName: 'probe-bucket' });
      const consumer = new Stack(app, 'Consumer');
      new logs.CfnLogGroup(consumer, 'Plain', {});
      new logs.CfnLogGroup(consumer, 'KeyFromProducer', { kmsKeyId: Fn.importValue('probe-key') });
      new logs.CfnLogGroup(consumer, 'BucketFromProducer', { kmsKeyId: Fn.importValue('probe-bucket') });
    });
    const logGroups = report.findings.filter((f) => f.control === 'CT.CLOUDWATCH.PR.3').map((f) => f.path);
    expect(logGroups.sort()).toEqual(['Consumer/BucketFromProducer', 'Consumer/Plain']);
  });

  test('an acknowledgement covers only the resource it names', () => {
    const report = controlTowerReport((app) => {
      const stack = new Stack(app, 'Probe');
      const acknowledged = new logs.CfnLogGroup(stack, 'Acknowledged', { retentionInDays: 400 });
      Validations.of(acknowledged).acknowledge({ id: 'control-tower::CT.CLOUDWATCH.PR.3', reason: 'probe' });
      new logs.CfnLogGroup(stack, 'Other', { retentionInDays: 400 });
    });
    expect(report.findings.filter((f) => f.control === 'CT.CLOUDWATCH.PR.3').map((f) => f.path)).toEqual(['Probe/Other']);
  });

  test('only rules for resource types that are absent are skipped; every rule file declares its types', () => {
    const files = controlTowerRuleFiles();
    expect(files.length).toBeGreaterThan(200);
    expect(files.filter((f) => f.reportsOn.length === 0)).toEqual([]);
    const skipped = inapplicableRules(new Set(['AWS::S3::Bucket', 'AWS::Logs::LogGroup']));
    expect(skipped).not.toContain('ct-s3-pr-2');
    expect(skipped).not.toContain('ct-cloudwatch-pr-3');
    expect(skipped).toContain('ct-lambda-pr-3');
    expect(skipped).toHaveLength(
      files.filter((f) => !f.reportsOn.some((t) => t === 'AWS::S3::Bucket' || t === 'AWS::Logs::LogGroup')).length,
    );
  });

  test('the plugin names itself and its version for the report', () => {
    const plugin = new ControlTowerChecks({ crossStackReferences: [] });
    expect(plugin.name).toBe('control-tower');
    expect(plugin.version).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
