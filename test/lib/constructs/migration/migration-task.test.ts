import * as fs from 'node:fs';
import * as path from 'node:path';
import { type App, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { MIGRATION_TASK_OUTPUTS } from '../../../../lambda/contracts/migration-task';
import { MigrationTask, type MigrationTaskProps, sourceSecretFromArn } from '../../../../lib/constructs/migration';
import { testApp } from '../../../helpers/app';
import { InvalidPropsError } from '../../../../lib/constructs/shared/invalid-props';
import { nagFindings, registryAccessOf, registryFixture, type RegistryFixture } from '../registry-access/fixture';

const SOURCE_SECRET = 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:old-sr-credentials-AbCdEf';
const CONFIG = { cpu: 1024, memoryMiB: 4096, sourceCidrs: ['10.20.0.0/16'], sourcePorts: [8081, 443], sourceSecretArn: SOURCE_SECRET };

function build(overrides: Partial<MigrationTaskProps> = {}, id = 'Fixture') {
  const fx = registryFixture(id);
  const cluster = fx.service.cluster as ecs.Cluster;
  const task = new MigrationTask(fx.stack, 'MigrationTask', {
    ...registryAccessOf(fx, logs.RetentionDays.ONE_YEAR),
    envName: 'prod',
    cluster,
    bucket: fx.bucket,
    config: CONFIG,
    ...overrides,
  });
  return { fx, task, cluster, template: Template.fromStack(fx.stack) };
}

type Statement = { Action: string | string[]; Resource: unknown; Condition?: unknown; Effect: string };

/** The role's statements as (action, resource, condition) triples, whatever the policy minimizer merged. */
function permissions(template: Template, fx: RegistryFixture, roleId: string): string[] {
  const policies = template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: roleId }] } });
  const statements = Object.values(policies).flatMap(
    (p) => (p as { Properties: { PolicyDocument: { Statement: Statement[] } } }).Properties.PolicyDocument.Statement,
  );
  const bucketId = fx.stack.getLogicalId(fx.bucket.node.defaultChild as never);
  const name = (resource: unknown): string =>
    JSON.stringify(resource)
      .replace(JSON.stringify({ 'Fn::GetAtt': [bucketId, 'Arn'] }), 'BUCKET')
      .replace(/\{"Fn::Join":\["",\[BUCKET,"(.*?)"\]\]\}/, 'BUCKET$1')
      .replace(JSON.stringify({ Ref: fx.stack.getLogicalId(fx.adminSecret.node.defaultChild as never) }), 'ADMIN_SECRET')
      .replace(/"/g, '');
  return statements.flatMap((s) => {
    expect(s.Effect).toBe('Allow');
    const actions = Array.isArray(s.Action) ? s.Action : [s.Action];
    const resources = Array.isArray(s.Resource) ? s.Resource : [s.Resource];
    return actions.flatMap((action) =>
      resources.map((r) => `${action} ${name(r)}${s.Condition ? ` if ${JSON.stringify(s.Condition)}` : ''}`),
    );
  });
}

describe('migration task', () => {
  let built: ReturnType<typeof build>;
  let taskDefId: string;
  beforeAll(() => {
    built = build();
    taskDefId = built.fx.stack.getLogicalId(built.task.taskDefinition.node.defaultChild as never);
  });

  test('a Fargate ARM64 task definition whose one container is the CLI, with the task size from config', () => {
    built.template.hasResourceProperties('AWS::ECS::TaskDefinition', {
      Family: 'sr-migrate-prod',
      Cpu: '1024',
      Memory: '4096',
      NetworkMode: 'awsvpc',
      RequiresCompatibilities: ['FARGATE'],
      RuntimePlatform: { CpuArchitecture: 'ARM64', OperatingSystemFamily: 'LINUX' },
      ContainerDefinitions: [
        Match.objectLike({
          Name: 'sr-migrate',
          Essential: true,
          LinuxParameters: { InitProcessEnabled: true },
          LogConfiguration: {
            LogDriver: 'awslogs',
            Options: Match.objectLike({ 'awslogs-stream-prefix': 'sr-migrate', 'awslogs-group': { Ref: Match.anyValue() } }),
          },
        }),
      ],
    });
  });

  test('hardened like the registry container: non-root user, read-only root filesystem with volumes only at /tmp and /work, a memory limit', () => {
    const task = built.template.toJSON().Resources[taskDefId].Properties;
    const container = task.ContainerDefinitions[0];
    expect(container).toMatchObject({ User: '1000:1000', ReadonlyRootFilesystem: true, Memory: 4096 });
    expect(container.MountPoints).toEqual([
      { SourceVolume: 'tmp', ContainerPath: '/tmp', ReadOnly: false },
      { SourceVolume: 'work', ContainerPath: '/work', ReadOnly: false },
    ]);
    expect(task.Volumes).toEqual([{ Name: 'tmp' }, { Name: 'work' }]);
  });

  test('the environment: state in the data bucket under migrations/, the environment name, no secrets', () => {
    const container = built.template.toJSON().Resources[taskDefId].Properties.ContainerDefinitions[0];
    const bucketId = built.fx.stack.getLogicalId(built.fx.bucket.node.defaultChild as never);
    expect(container.Environment).toEqual([
      { Name: 'SR_MIGRATE_STATE', Value: { 'Fn::Join': ['', ['s3://', { Ref: bucketId }, '/migrations/']] } },
      { Name: 'SR_MIGRATE_ENVIRONMENT', Value: 'prod' },
      { Name: 'AWS_REGION', Value: { Ref: 'AWS::Region' } },
      { Name: 'NODE_OPTIONS', Value: '--max-old-space-size=3072' },
    ]);
    expect(container.Secrets).toBeUndefined();
  });

  test('the image is built from docker/sr-migrate with the repository root as a small context', () => {
    const cloudAssembly = (built.fx.stack.node.root as App).synth();
    const manifestFile = fs.readdirSync(cloudAssembly.directory).find((f) => f.endsWith('.assets.json'))!;
    const manifest = JSON.parse(fs.readFileSync(path.join(cloudAssembly.directory, manifestFile), 'utf8'));
    const images = Object.values(manifest.dockerImages) as { source: { directory: string; dockerFile?: string; platform?: string } }[];
    expect(images).toHaveLength(1);
    expect(images[0].source).toMatchObject({ dockerFile: 'docker/sr-migrate/Dockerfile', platform: 'linux/arm64' });
    // What the CDK staged is what Docker gets: the package files, bin/, cli/, lambda/ (no handlers), the Dockerfile.
    const context = path.join(cloudAssembly.directory, images[0].source.directory);
    expect(fs.readdirSync(context).sort()).toEqual([
      'bin',
      'cli',
      'docker',
      'lambda',
      'package-lock.json',
      'package.json',
      'tsconfig.json',
    ]);
    expect(fs.existsSync(path.join(context, 'cli', 'run-cli.ts'))).toBe(true);
    expect(fs.existsSync(path.join(context, 'lambda', 'handlers'))).toBe(false);
    // The container pulls that asset from the CDK's container-assets repository.
    const image = built.template.toJSON().Resources[taskDefId].Properties.ContainerDefinitions[0].Image;
    expect(JSON.stringify(image)).toContain('container-assets');
  });

  test('no service uses it: nothing runs until asked', () => {
    const services = built.template.findResources('AWS::ECS::Service');
    expect(Object.keys(services)).toHaveLength(1);
    for (const service of Object.values(services)) {
      expect((service as { Properties: { TaskDefinition: unknown } }).Properties.TaskDefinition).not.toEqual({ Ref: taskDefId });
    }
  });

  test('task role: exports/ read-write, migrations/ read-write-delete, backups/ read, own prefixes listed, two secrets, one metric namespace', () => {
    const roleId = built.fx.stack.getLogicalId(built.task.taskDefinition.taskRole.node.defaultChild as never);
    const list = JSON.stringify({
      StringLike: { 's3:prefix': ['exports/', 'exports/*', 'migrations/', 'migrations/*', 'backups/', 'backups/*'] },
    });
    expect(permissions(built.template, built.fx, roleId).sort()).toEqual(
      [
        's3:GetObject BUCKET/exports/*',
        's3:PutObject BUCKET/exports/*',
        's3:AbortMultipartUpload BUCKET/exports/*',
        's3:GetObject BUCKET/migrations/*',
        's3:PutObject BUCKET/migrations/*',
        's3:DeleteObject BUCKET/migrations/*',
        's3:AbortMultipartUpload BUCKET/migrations/*',
        's3:GetObject BUCKET/backups/*',
        `s3:ListBucket BUCKET if ${list}`,
        'secretsmanager:GetSecretValue ADMIN_SECRET',
        'secretsmanager:DescribeSecret ADMIN_SECRET',
        `secretsmanager:GetSecretValue ${SOURCE_SECRET}`,
        `secretsmanager:DescribeSecret ${SOURCE_SECRET}`,
        `cloudwatch:PutMetricData * if ${JSON.stringify({ StringEquals: { 'cloudwatch:namespace': 'SchemaRegistry/Migration' } })}`,
      ].sort(),
    );
  });

  test('execution role: pulls the image and writes its log group, reads no secret', () => {
    const roleId = built.fx.stack.getLogicalId(built.task.taskDefinition.executionRole!.node.defaultChild as never);
    const actions = permissions(built.template, built.fx, roleId).map((p) => p.split(' ')[0]);
    expect(actions.filter((a) => a.startsWith('secretsmanager:'))).toEqual([]);
    expect(new Set(actions)).toEqual(
      new Set([
        'ecr:BatchCheckLayerAvailability',
        'ecr:GetDownloadUrlForLayer',
        'ecr:BatchGetImage',
        'ecr:GetAuthorizationToken',
        'logs:CreateLogStream',
        'logs:PutLogEvents',
      ]),
    );
  });

  test('security group: HTTPS anywhere, the source registry, the registry listener; the listener admits the task', () => {
    const { template, fx, task } = built;
    const sgId = fx.stack.getLogicalId(task.securityGroup.node.defaultChild as never);
    const albSg = { 'Fn::GetAtt': [fx.stack.getLogicalId(fx.albSecurityGroup.node.defaultChild as never), 'GroupId'] };
    expect(template.toJSON().Resources[sgId].Properties.SecurityGroupEgress).toEqual([
      { CidrIp: '0.0.0.0/0', Description: 'HTTPS to AWS APIs and a source registry on 443', FromPort: 443, IpProtocol: 'tcp', ToPort: 443 },
      { CidrIp: '10.20.0.0/16', Description: 'Source registry 10.20.0.0/16:8081', FromPort: 8081, IpProtocol: 'tcp', ToPort: 8081 },
    ]);
    template.hasResourceProperties('AWS::EC2::SecurityGroupEgress', {
      GroupId: { 'Fn::GetAtt': [sgId, 'GroupId'] },
      DestinationSecurityGroupId: albSg,
      FromPort: 8081,
      ToPort: 8081,
    });
    template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      GroupId: albSg,
      SourceSecurityGroupId: { 'Fn::GetAtt': [sgId, 'GroupId'] },
      FromPort: 8081,
      ToPort: 8081,
    });
    expect(
      template.findResources('AWS::EC2::SecurityGroupIngress', { Properties: { GroupId: { 'Fn::GetAtt': [sgId, 'GroupId'] } } }),
    ).toEqual({});
  });

  test('log group with the given retention', () => {
    const logId = built.fx.stack.getLogicalId(built.task.logGroup.node.defaultChild as never);
    expect(built.template.toJSON().Resources[logId].Properties.RetentionInDays).toBe(365);
  });

  test('outputs everything sr-migrate remote looks up, under fixed keys', () => {
    const { template, fx, task, cluster } = built;
    const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;
    const ref = (construct: { node: { defaultChild?: unknown } }) => fx.stack.getLogicalId(construct.node.defaultChild as never);
    expect(outputs[MIGRATION_TASK_OUTPUTS.clusterArn].Value).toEqual({ 'Fn::GetAtt': [ref(cluster), 'Arn'] });
    expect(outputs[MIGRATION_TASK_OUTPUTS.taskDefinitionArn].Value).toEqual({ Ref: taskDefId });
    expect(outputs[MIGRATION_TASK_OUTPUTS.containerName].Value).toBe('sr-migrate');
    expect(JSON.stringify(outputs[MIGRATION_TASK_OUTPUTS.subnetIds].Value)).toMatch(
      /^\{"Fn::Join":\[",",\[\{"Ref":"VpcPrivateSubnet1Subnet/,
    );
    expect(outputs[MIGRATION_TASK_OUTPUTS.securityGroupId].Value).toEqual({ 'Fn::GetAtt': [ref(task.securityGroup), 'GroupId'] });
    expect(outputs[MIGRATION_TASK_OUTPUTS.platformVersion].Value).toBe('LATEST');
    expect(outputs[MIGRATION_TASK_OUTPUTS.logGroupName].Value).toEqual({ Ref: ref(task.logGroup) });
    expect(outputs[MIGRATION_TASK_OUTPUTS.logStreamPrefix].Value).toBe('sr-migrate');
    expect(outputs[MIGRATION_TASK_OUTPUTS.adminSecretArn].Value).toEqual({ Ref: ref(fx.adminSecret) });
    expect(outputs[MIGRATION_TASK_OUTPUTS.sourceSecretArn].Value).toBe(SOURCE_SECRET);
    expect(outputs[MIGRATION_TASK_OUTPUTS.sourceAccess].Value).toBe('10.20.0.0/16:8081');
  });

  test('cdk-nag: no findings', () => {
    expect(nagFindings(built.fx.stack).filter((f) => f.includes('MigrationTask'))).toEqual([]);
  });
});

describe('migration task without source settings', () => {
  const { template, task, fx } = build({ config: { cpu: 512, memoryMiB: 1024, sourceCidrs: [], sourcePorts: [] } }, 'Minimal');

  test('only HTTPS leaves the task besides the listener, and no source secret is granted or output', () => {
    const sgId = fx.stack.getLogicalId(task.securityGroup.node.defaultChild as never);
    expect(template.toJSON().Resources[sgId].Properties.SecurityGroupEgress).toHaveLength(1);
    const outputs = template.toJSON().Outputs;
    expect(outputs[MIGRATION_TASK_OUTPUTS.sourceAccess].Value).toBe('none');
    expect(outputs[MIGRATION_TASK_OUTPUTS.sourceSecretArn]).toBeUndefined();
    expect(JSON.stringify(template.toJSON())).not.toContain('old-sr-credentials');
  });
});

test('the source secret: a complete ARN is used as is, a partial one matches any suffix', () => {
  const stack = new Stack(testApp(), 'Secrets');
  const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') });
  sourceSecretFromArn(stack, 'Complete', SOURCE_SECRET).grantRead(role);
  sourceSecretFromArn(stack, 'Partial', 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:old-sr').grantRead(role);
  const statement = Object.values(Template.fromStack(stack).findResources('AWS::IAM::Policy'))[0].Properties.PolicyDocument.Statement[0];
  expect([...statement.Resource].sort()).toEqual(['arn:aws:secretsmanager:eu-west-1:111111111111:secret:old-sr-??????', SOURCE_SECRET]);
});

test('invalid props are all reported at once', () => {
  let error: unknown;
  try {
    build(
      {
        envName: 'Prod env',
        config: { cpu: 1024, memoryMiB: 1000, sourceCidrs: ['10.0.0.0/33'], sourcePorts: [] },
        registryUrl: 'ftp://x',
      },
      'Bad',
    );
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(InvalidPropsError);
  expect((error as InvalidPropsError).problems).toEqual([
    "registryUrl must be an http:// or https:// URL of the registry, got 'ftp://x'",
    "envName must be lowercase letters, digits and '-', got 'Prod env'",
    'config.cpu/memoryMiB: 1024/1000 is not a valid Fargate pair; valid memory for 1024 CPU: 2048 to 8192 in steps of 1024',
    "config.sourceCidrs: '10.0.0.0/33' is not an IPv4 CIDR like 10.20.0.0/16",
    "config.sourcePorts is empty, so sourceCidrs opens nothing: list the source registry's port (e.g. [8081]) so sync, cutover, export and verify --source can reach it from the task",
  ]);
});
