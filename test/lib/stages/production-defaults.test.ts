import { Match, Template } from 'aws-cdk-lib/assertions';
import { REGISTRY_ACCESS_ENV } from '../../../lambda/contracts/registry-access';
import { ENVIRONMENT_NAMES, ENVIRONMENTS, MAX_TASK_COUNT } from '../../../lib/config';
import { TASK_COUNT_RULE_ID } from '../../../lib/constructs/registry-service/task-count-parameters';
import { defaultStage, type SynthesizedStage } from '../stacks/stage-fixture';

type Resource = { Type: string; Properties: Record<string, any> };
const templates = (s: SynthesizedStage): [string, Template][] => [
  ['Network', s.network],
  ['Data', s.data],
  ['Registry', s.registry],
  ['Monitoring', s.monitoring],
];
const resources = (t: Template, type: string) => Object.values(t.findResources(type)) as Resource[];
const statements = (t: Template) => resources(t, 'AWS::IAM::Policy').flatMap((p) => p.Properties.PolicyDocument.Statement as any[]);
/** The Data stack's export of its key ARN, as the other stacks import it. */
const importsEnvironmentKey = (stage: string) => ({ 'Fn::ImportValue': Match.stringLikeRegexp(`^${stage}-Data:.*EnvironmentKey`) });

describe.each(ENVIRONMENT_NAMES)('%s: production defaults across the stage', (name) => {
  const synthesized = defaultStage(name);
  const stageName = synthesized.stage.stageName;

  test('every log group of every stack is encrypted with the environment key, under a name the key policy allows', () => {
    let count = 0;
    for (const [stack, t] of templates(synthesized)) {
      for (const group of resources(t, 'AWS::Logs::LogGroup')) {
        count++;
        const expected =
          stack === 'Data' ? { 'Fn::GetAtt': [Match.stringLikeRegexp('^EnvironmentKey'), 'Arn'] } : importsEnvironmentKey(stageName);
        expect(Match.objectLike({ KmsKeyId: expected }).test(group.Properties).isSuccess).toBe(true);
        // Generated names start with the stack name (<Stage>-<Stack>-…); a function's own group is /aws/lambda/<generated name>.
        if (group.Properties.LogGroupName !== undefined) {
          expect(group.Properties.LogGroupName).toEqual({ 'Fn::Join': ['', ['/aws/lambda/', { Ref: expect.any(String) }]] });
        }
      }
    }
    expect(count).toBeGreaterThanOrEqual(5);
    for (const stack of [synthesized.stage.network, synthesized.stage.data, synthesized.stage.registry, synthesized.stage.monitoring]) {
      expect(stack.stackName.startsWith(`${stageName}-`)).toBe(true);
    }
  });

  test('whoever reads the admin secret may decrypt it, only through Secrets Manager and only for that secret', () => {
    const readers = statements(synthesized.registry).filter((s) => [s.Action].flat().includes('secretsmanager:GetSecretValue'));
    expect(readers.length).toBeGreaterThanOrEqual(2); // execution role, backup function
    const policies = resources(synthesized.registry, 'AWS::IAM::Policy');
    for (const policy of policies) {
      const st = policy.Properties.PolicyDocument.Statement as any[];
      const read = st.find((s) => [s.Action].flat().includes('secretsmanager:GetSecretValue'));
      if (!read) continue;
      expect(st).toContainEqual({
        Action: 'kms:Decrypt',
        Effect: 'Allow',
        Resource: expect.objectContaining({ 'Fn::ImportValue': expect.stringMatching(new RegExp(`^${stageName}-Data:`)) }),
        Condition: {
          StringEquals: { 'kms:ViaService': 'secretsmanager.eu-west-1.amazonaws.com', 'kms:EncryptionContext:SecretARN': read.Resource },
        },
      });
    }
  });

  test('the backup function and the migration task write SSE-KMS objects with the key through S3, for the data bucket only', () => {
    const kmsForS3 = statements(synthesized.registry).filter(
      (s) => s.Condition?.StringEquals?.['kms:ViaService'] === 's3.eu-west-1.amazonaws.com',
    );
    const scopedToTheDataBucket = expect.objectContaining({
      Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
      Resource: { 'Fn::ImportValue': expect.stringMatching(new RegExp(`^${stageName}-Data:.*EnvironmentKey`)) },
      Condition: expect.objectContaining({ ArnLike: { 'kms:EncryptionContext:aws:s3:arn': [expect.anything(), expect.anything()] } }),
    });
    expect(kmsForS3).toEqual([scopedToTheDataBucket, scopedToTheDataBucket]);
    // No key permission without a condition anywhere.
    for (const s of statements(synthesized.registry)) {
      if (JSON.stringify(s.Action).includes('kms:')) expect(s.Condition).toBeDefined();
    }
  });

  test('autoscaling owns the running count: no DesiredCount in the service', () => {
    for (const service of resources(synthesized.registry, 'AWS::ECS::Service')) expect(service.Properties.DesiredCount).toBeUndefined();
  });

  test('MinTasks and MaxTasks are constrained parameters with defaults from config', () => {
    const { service } = ENVIRONMENTS[name];
    const floor = name === 'prod' ? 2 : 1;
    synthesized.registry.hasParameter('MinTasks', { Type: 'Number', Default: service.minTasks, MinValue: floor, MaxValue: MAX_TASK_COUNT });
    synthesized.registry.hasParameter('MaxTasks', { Type: 'Number', Default: service.maxTasks, MinValue: floor, MaxValue: MAX_TASK_COUNT });
  });

  test('the rule accepts MinTasks <= MaxTasks and rejects everything else (evaluated as CloudFormation would)', () => {
    const rule = synthesized.registry.toJSON().Rules[TASK_COUNT_RULE_ID];
    expect(rule.Assertions[0].AssertDescription).toContain('MinTasks must be a whole number no greater than MaxTasks');
    const holds = (min: string, max: string) => evaluateRule(rule.Assertions[0].Assert, { MinTasks: min, MaxTasks: max });
    const floor = name === 'prod' ? 2 : 1;
    for (let max = floor; max <= MAX_TASK_COUNT; max++) {
      for (let min = floor; min <= MAX_TASK_COUNT; min++)
        expect([min, max, holds(String(min), String(max))]).toEqual([min, max, min <= max]);
    }
    expect(holds('4.0', '8')).toBe(false);
    expect(holds('4', '08')).toBe(false);
  });

  test(`termination protection ${name === 'dev' ? 'off' : 'on every stack'}, load balancer deletion protection ${name === 'dev' ? 'off' : 'on'}`, () => {
    const s = synthesized.stage;
    expect([s.network, s.data, s.registry, s.monitoring].every((stack) => stack.terminationProtection === (name !== 'dev'))).toBe(true);
    synthesized.registry.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      LoadBalancerAttributes: Match.arrayWith([{ Key: 'deletion_protection.enabled', Value: String(name !== 'dev') }]),
    });
  });

  test('the healthy-hosts alarm follows the MinTasks parameter', () => {
    const alarm = resources(synthesized.monitoring, 'AWS::CloudWatch::Alarm').find((a) =>
      a.Properties.AlarmName.endsWith('HealthyHostsBelowMin'),
    )!;
    expect(alarm.Properties.Threshold).toEqual({ 'Fn::ImportValue': expect.stringMatching(new RegExp(`^${stageName}-Registry:`)) });
    const exported = Object.values(synthesized.registry.toJSON().Outputs as Record<string, any>).find(
      (o) => o.Export?.Name === alarm.Properties.Threshold['Fn::ImportValue'],
    );
    expect(exported.Value).toEqual({ Ref: 'MinTasks' });
  });
});

describe('TLS outside dev: the registry URL is https at the DNS name, for clients and functions alike', () => {
  test.each(['staging', 'prod'] as const)('%s', (name) => {
    const { stage, registry } = defaultStage(name);
    const dns = ENVIRONMENTS[name].endpoint.dns!;
    expect(stage.registry.registryUrl).toBe(`https://${dns.recordName}.${dns.zoneName}`);
    registry.hasOutput('RegistryUrl', { Value: stage.registry.registryUrl });
    registry.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ [REGISTRY_ACCESS_ENV.registryUrl]: stage.registry.registryUrl }) },
    });
    registry.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 80,
      DefaultActions: [Match.objectLike({ Type: 'redirect', RedirectConfig: Match.objectLike({ Protocol: 'HTTPS' }) })],
    });
  });
});

/** The rule functions the task-count rule uses, evaluated like CloudFormation does (parameter values are strings). */
function evaluateRule(expr: any, params: Record<string, string>): boolean {
  const value = (v: any): string => (typeof v === 'object' && v.Ref ? params[v.Ref] : String(v));
  if (expr['Fn::Or']) return expr['Fn::Or'].some((e: any) => evaluateRule(e, params));
  if (expr['Fn::And']) return expr['Fn::And'].every((e: any) => evaluateRule(e, params));
  if (expr['Fn::Equals']) return value(expr['Fn::Equals'][0]) === value(expr['Fn::Equals'][1]);
  if (expr['Fn::Contains']) return expr['Fn::Contains'][0].map(String).includes(value(expr['Fn::Contains'][1]));
  throw new Error(`unexpected rule function ${JSON.stringify(expr)}`);
}
