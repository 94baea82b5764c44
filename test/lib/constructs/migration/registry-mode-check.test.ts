import { Match, Template } from 'aws-cdk-lib/assertions';
import * as logs from 'aws-cdk-lib/aws-logs';
import { RegistryModeCheck, type RegistryModeCheckProps } from '../../../../lib/constructs/migration';
import { InvalidPropsError } from '../../../../lib/constructs/shared/invalid-props';
import { nagFindings, registryAccessOf, registryFixture } from '../registry-access/fixture';

function build(overrides: Partial<RegistryModeCheckProps> = {}, id = 'Fixture') {
  const fx = registryFixture(id);
  const check = new RegistryModeCheck(fx.stack, 'ModeCheck', {
    ...registryAccessOf(fx, logs.RetentionDays.ONE_MONTH),
    envName: 'prod',
    intervalMinutes: 5,
    ...overrides,
  });
  return { fx, check, template: Template.fromStack(fx.stack) };
}

describe('registry mode check', () => {
  const { fx, check, template } = build();
  const fnId = fx.stack.getLogicalId(check.checkFunction.function.node.defaultChild as never);

  test('runs every interval, without retries (the next run is soon)', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(5 minutes)',
      Targets: [
        { Arn: { 'Fn::GetAtt': [fnId, 'Arn'] }, Id: 'Target0', RetryPolicy: { MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 300 } },
      ],
    });
  });

  test('a small registry-access function that reads the registry by URL and the admin secret by ARN', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'index.handler',
      MemorySize: 256,
      Timeout: 300,
      Environment: {
        Variables: {
          NODE_OPTIONS: '--enable-source-maps',
          REGISTRY_URL: Match.anyValue(),
          ADMIN_SECRET_ARN: { Ref: fx.stack.getLogicalId(fx.adminSecret.node.defaultChild as never) },
          ENV_NAME: 'prod',
        },
      },
    });
  });

  test('may publish only in the migration namespace and read only the admin secret', () => {
    const roleId = fx.stack.getLogicalId(check.checkFunction.function.role!.node.defaultChild as never);
    const policies = template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: roleId }] } });
    const statements = Object.values(policies).flatMap(
      (p) => (p as { Properties: { PolicyDocument: { Statement: unknown[] } } }).Properties.PolicyDocument.Statement,
    );
    expect(statements).toEqual([
      {
        Action: ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'],
        Effect: 'Allow',
        Resource: { Ref: fx.stack.getLogicalId(fx.adminSecret.node.defaultChild as never) },
      },
      {
        Action: 'cloudwatch:PutMetricData',
        Condition: { StringEquals: { 'cloudwatch:namespace': 'SchemaRegistry/Migration' } },
        Effect: 'Allow',
        Resource: '*',
      },
    ]);
  });

  test('reaches the registry listener', () => {
    const sgId = fx.stack.getLogicalId(check.checkFunction.securityGroup.node.defaultChild as never);
    template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      GroupId: { 'Fn::GetAtt': [fx.stack.getLogicalId(fx.albSecurityGroup.node.defaultChild as never), 'GroupId'] },
      SourceSecurityGroupId: { 'Fn::GetAtt': [sgId, 'GroupId'] },
      FromPort: 8081,
    });
  });

  test('cdk-nag: no findings', () => {
    expect(nagFindings(fx.stack).filter((f) => f.includes('ModeCheck'))).toEqual([]);
  });
});

test('an interval outside 1..60 minutes and a bad environment name are reported together', () => {
  let error: unknown;
  try {
    build({ intervalMinutes: 90, envName: 'Prod!' }, 'Bad');
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(InvalidPropsError);
  expect((error as InvalidPropsError).problems).toEqual([
    "envName must be lowercase letters, digits and '-', got 'Prod!'",
    'intervalMinutes must be a whole number from 1 to 60, got 90',
  ]);
});
