import * as path from 'node:path';
import { Duration } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { REGISTRY_ACCESS_ENV } from '../../../../lambda/contracts/registry-access';
import {
  RegistryClientFunction,
  registryAccessEnvironment,
  registryAccessProblems,
  registryFunctionProps,
} from '../../../../lib/constructs/registry-access';
import { nagFindings, registryAccessOf, registryFixture } from './fixture';

/**
 * A registry-access function built the way a new one (e.g. a scheduled mode check) would be:
 * the stage's shared RegistryAccessProps, its URL and secret passed through the environment.
 */
test('a new registry-access function needs only the shared props, its handler and its own settings', () => {
  const fx = registryFixture();
  const access = registryAccessOf(fx);
  const fn = new RegistryClientFunction(fx.stack, 'ModeCheck', {
    ...registryFunctionProps(access),
    // Any handler file bundles the same way; the backup handler stands in for a new one.
    entry: path.join(__dirname, '..', '..', '..', '..', 'lambda', 'handlers', 'backup.ts'),
    handler: 'handler',
    description: 'Schema Registry mode check',
    timeout: Duration.minutes(1),
    environment: { ...registryAccessEnvironment(access), [REGISTRY_ACCESS_ENV.envName]: 'dev' },
  });
  access.adminSecret.grantRead(fn.function);
  const template = Template.fromStack(fx.stack);

  template.hasResourceProperties('AWS::Lambda::Function', {
    Description: 'Schema Registry mode check',
    MemorySize: 1024,
    Environment: {
      Variables: {
        NODE_OPTIONS: '--enable-source-maps',
        REGISTRY_URL: Match.anyValue(),
        ADMIN_SECRET_ARN: { Ref: fx.stack.getLogicalId(fx.adminSecret.node.defaultChild as never) },
        ENV_NAME: 'dev',
      },
    },
  });
  // Egress: HTTPS for AWS APIs and the registry listener's port, nothing else.
  const sgId = fx.stack.getLogicalId(fn.securityGroup.node.defaultChild as never);
  expect(template.toJSON().Resources[sgId].Properties.SecurityGroupEgress).toEqual([
    { CidrIp: '0.0.0.0/0', Description: 'HTTPS to AWS APIs', FromPort: 443, IpProtocol: 'tcp', ToPort: 443 },
  ]);
  template.hasResourceProperties('AWS::EC2::SecurityGroupEgress', { GroupId: { 'Fn::GetAtt': [sgId, 'GroupId'] }, FromPort: 8081 });
  template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
  expect(nagFindings(fn)).toEqual([]);
});

test('the shared props are checked together: registry URL and memory', () => {
  const fx = registryFixture();
  expect(registryAccessProblems(registryAccessOf(fx))).toEqual([]);
  expect(registryAccessProblems({ ...registryAccessOf(fx), registryUrl: 'https://registry.internal' })).toEqual([]);
  expect(registryAccessProblems({ ...registryAccessOf(fx), registryUrl: 'registry.internal', memorySize: 1024.5 })).toEqual([
    "registryUrl must be an http:// or https:// URL of the registry, got 'registry.internal'",
    "memorySize must be a whole number of MB from 128 to 10240 (Lambda's range), got 1024.5",
  ]);
});
