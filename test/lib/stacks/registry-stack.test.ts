import { Stack } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as cxapi from 'aws-cdk-lib/cx-api';
import * as fs from 'fs';
import contract from '../../../docker/schema-registry/env-contract.json';
import { ENVIRONMENTS, type EnvironmentConfig } from '../../../lib/config';
import { RegistryStack } from '../../../lib/stacks/registry-stack';
import { testApp } from '../../helpers/app';
import { configWith, defaultStage, synthStage } from './stage-fixture';

const CERT = 'arn:aws:acm:eu-west-1:123456789012:certificate/12345678-1234-1234-1234-123456789012';

function container(template: Template): Record<string, any> {
  const defs = template.findResources('AWS::ECS::TaskDefinition');
  const [def] = Object.values(defs);
  return def.Properties.ContainerDefinitions[0];
}

function envMap(template: Template): Record<string, unknown> {
  return Object.fromEntries(container(template).Environment.map((e: { Name: string; Value: unknown }) => [e.Name, e.Value]));
}

function ingressRules(template: Template): Record<string, any>[] {
  const standalone = Object.values(template.findResources('AWS::EC2::SecurityGroupIngress')).map((r) => r.Properties);
  const inline = Object.values(template.findResources('AWS::EC2::SecurityGroup')).flatMap((r) =>
    (r.Properties.SecurityGroupIngress ?? []).map((rule: object) => ({ ...rule, inline: true })),
  );
  return [...standalone, ...inline];
}

function logicalIdOf(template: Template, type: string, props: object): string {
  const found = Object.keys(template.findResources(type, { Properties: Match.objectLike(props) }));
  expect(found).toHaveLength(1);
  return found[0];
}

describe('Registry stack (dev defaults)', () => {
  const stage = defaultStage('dev');
  const t = stage.registry;

  test('the load balancer is internal and drops invalid headers, with access logs', () => {
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      Scheme: 'internal',
      LoadBalancerAttributes: Match.arrayWith([
        { Key: 'routing.http.drop_invalid_header_fields.enabled', Value: 'true' },
        { Key: 'access_logs.s3.enabled', Value: 'true' },
        { Key: 'access_logs.s3.prefix', Value: 'alb/dev' },
      ]),
    });
  });

  test('without a certificate: one plain HTTP listener on 80', () => {
    t.resourceCountIs('AWS::ElasticLoadBalancingV2::Listener', 1);
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Port: 80, Protocol: 'HTTP' });
  });

  test('load balancer ingress: only the VPC CIDR (no clients configured), only port 80', () => {
    const albSg = logicalIdOf(t, 'AWS::EC2::SecurityGroup', { GroupDescription: Match.stringLikeRegexp('^Schema Registry load balancer') });
    const albSgProps = t.findResources('AWS::EC2::SecurityGroup')[albSg].Properties;
    expect(albSgProps.SecurityGroupIngress).toEqual([
      { CidrIp: '10.40.0.0/16', Description: 'Registry clients (http)', FromPort: 80, IpProtocol: 'tcp', ToPort: 80 },
    ]);
    // No rule anywhere admits the world.
    for (const rule of ingressRules(t)) {
      expect(rule.CidrIp).not.toBe('0.0.0.0/0');
      expect(rule.CidrIpv6).toBeUndefined();
    }
  });

  test('tasks accept 8081 only from the load balancer and from each other (leader forwarding)', () => {
    const taskSg = logicalIdOf(t, 'AWS::EC2::SecurityGroup', { GroupDescription: Match.stringLikeRegexp('^Schema Registry tasks') });
    const albSg = logicalIdOf(t, 'AWS::EC2::SecurityGroup', { GroupDescription: Match.stringLikeRegexp('^Schema Registry load balancer') });
    const toTasks = ingressRules(t).filter((r) => JSON.stringify(r.GroupId) === JSON.stringify({ 'Fn::GetAtt': [taskSg, 'GroupId'] }));
    expect(toTasks.map((r) => ({ from: r.SourceSecurityGroupId, port: [r.FromPort, r.ToPort] }))).toEqual(
      expect.arrayContaining([
        { from: { 'Fn::GetAtt': [albSg, 'GroupId'] }, port: [8081, 8081] },
        { from: { 'Fn::GetAtt': [taskSg, 'GroupId'] }, port: [8081, 8081] },
      ]),
    );
    expect(toTasks).toHaveLength(2);
    expect(t.findResources('AWS::EC2::SecurityGroup')[taskSg].Properties.SecurityGroupIngress).toBeUndefined();
  });

  test('task egress: HTTPS, the other tasks on 8081, and the MSK brokers on 9098 only', () => {
    const taskSg = logicalIdOf(t, 'AWS::EC2::SecurityGroup', { GroupDescription: Match.stringLikeRegexp('^Schema Registry tasks') });
    const sg = t.findResources('AWS::EC2::SecurityGroup')[taskSg].Properties;
    expect(sg.SecurityGroupEgress).toEqual([
      { CidrIp: '0.0.0.0/0', Description: 'HTTPS to AWS APIs and ECR', FromPort: 443, IpProtocol: 'tcp', ToPort: 443 },
    ]);
    const egress = Object.values(t.findResources('AWS::EC2::SecurityGroupEgress'))
      .map((r) => r.Properties)
      .filter((p) => JSON.stringify(p.GroupId) === JSON.stringify({ 'Fn::GetAtt': [taskSg, 'GroupId'] }));
    expect(egress.map((p) => [p.FromPort, p.ToPort, p.Description]).sort()).toEqual([
      [8081, 8081, 'Registry nodes forward writes to the leader'],
      [9098, 9098, 'Registry to Kafka brokers'],
    ]);
  });

  test('the broker security group admits the task security group on 9098', () => {
    const taskSg = logicalIdOf(t, 'AWS::EC2::SecurityGroup', { GroupDescription: Match.stringLikeRegexp('^Schema Registry tasks') });
    t.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      FromPort: 9098,
      ToPort: 9098,
      SourceSecurityGroupId: { 'Fn::GetAtt': [taskSg, 'GroupId'] },
      GroupId: { 'Fn::ImportValue': Match.stringLikeRegexp('^Dev-Data:') },
    });
  });

  test('no public IPs: tasks in private subnets without public addresses', () => {
    t.hasResourceProperties('AWS::ECS::Service', {
      NetworkConfiguration: { AwsvpcConfiguration: Match.objectLike({ AssignPublicIp: 'DISABLED' }) },
    });
  });

  test('Container Insights standard (what Control Tower CT.ECS.PR.2 recognises)', () => {
    t.hasResourceProperties('AWS::ECS::Cluster', { ClusterSettings: [{ Name: 'containerInsights', Value: 'enabled' }] });
  });

  test('rolling deployment keeps capacity and rolls back on failure', () => {
    t.hasResourceProperties('AWS::ECS::Service', {
      DeploymentConfiguration: {
        DeploymentCircuitBreaker: { Enable: true, Rollback: true },
        MinimumHealthyPercent: 100,
        MaximumPercent: 200,
      },
      HealthCheckGracePeriodSeconds: 120,
    });
  });

  test('capacity-provider strategy with Spot outside prod, one on-demand base task', () => {
    t.hasResourceProperties('AWS::ECS::Service', {
      CapacityProviderStrategy: [
        { CapacityProvider: 'FARGATE', Base: 1, Weight: 1 },
        { CapacityProvider: 'FARGATE_SPOT', Weight: 2 },
      ],
      LaunchType: Match.absent(),
      EnableExecuteCommand: true,
    });
  });

  test('target group health check: GET / on 8081', () => {
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', {
      Port: 8081,
      Protocol: 'HTTP',
      TargetType: 'ip',
      HealthCheckPath: '/',
      HealthCheckPort: '8081',
      HealthCheckProtocol: 'HTTP',
      Matcher: { HttpCode: '200' },
    });
  });

  test('container health check probes the health path on the registry port', () => {
    expect(container(t).HealthCheck).toEqual({
      Command: ['CMD-SHELL', 'curl -fsS -o /dev/null http://localhost:8081/ || exit 1'],
      Interval: 15,
      Timeout: 5,
      Retries: 4,
      StartPeriod: 90,
    });
  });

  test('ARM64 task built from docker/schema-registry with the configured Confluent version', () => {
    t.hasResourceProperties('AWS::ECS::TaskDefinition', {
      Cpu: '512',
      Memory: '1024',
      RuntimePlatform: { CpuArchitecture: 'ARM64', OperatingSystemFamily: 'LINUX' },
    });
    expect(container(t).Image).toEqual(expect.objectContaining({ 'Fn::Sub': expect.stringContaining('container-assets') }));
  });

  test('environment: every name from the env contract, with config values; no host name', () => {
    const env = envMap(t);
    const e = contract.environment;
    expect(env).toEqual({
      [e.kafkaAuthMode]: 'iam',
      [e.basicAuthEnabled]: 'true',
      [e.basicAuthRoles]: 'admin',
      [e.bootstrapServers]: { 'Fn::ImportValue': expect.stringMatching(/^Dev-Data:/) },
      [e.topic]: '_schemas',
      [e.groupId]: 'schema-registry',
      [e.replicationFactor]: '2',
      [e.listeners]: 'http://0.0.0.0:8081',
      [e.heapOpts]: '-Xms614m -Xmx614m',
    });
    expect(Object.keys(env)).not.toContain('SCHEMA_REGISTRY_HOST_NAME');
  });

  test('secrets: admin credentials only through task-definition secrets, never in the environment', () => {
    const c = container(t);
    const secretNames = c.Secrets.map((s: { Name: string }) => s.Name).sort();
    expect(secretNames).toEqual([contract.secrets.adminPassword, contract.secrets.adminUsername].sort());
    for (const s of c.Secrets) {
      expect(s.ValueFrom).toEqual({
        'Fn::Join': ['', [{ 'Fn::ImportValue': expect.stringMatching(/^Dev-Data:/) }, expect.stringMatching(/^:(username|password)::$/)]],
      });
    }
    const envNames = Object.keys(envMap(t));
    for (const name of Object.values(contract.secrets)) expect(envNames).not.toContain(name);
    expect(JSON.stringify(c.Environment)).not.toMatch(/password|secret/i);
  });

  test('container logs go to an explicit log group with retention', () => {
    t.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
    expect(container(t).LogConfiguration).toEqual({
      LogDriver: 'awslogs',
      Options: expect.objectContaining({ 'awslogs-stream-prefix': 'schema-registry', mode: 'non-blocking' }),
    });
  });

  test('autoscaling on CPU and on requests per target within [MinTasks, MaxTasks]', () => {
    t.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', {
      MinCapacity: { Ref: 'MinTasks' },
      MaxCapacity: { Ref: 'MaxTasks' },
    });
    t.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      TargetTrackingScalingPolicyConfiguration: Match.objectLike({
        PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' },
        TargetValue: 60,
      }),
    });
    t.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      TargetTrackingScalingPolicyConfiguration: Match.objectLike({
        PredefinedMetricSpecification: Match.objectLike({ PredefinedMetricType: 'ALBRequestCountPerTarget' }),
        TargetValue: 1000,
      }),
    });
  });

  test('task role: MSK permissions scoped to the cluster, the _schemas topic and the registry groups', () => {
    const policies = Object.values(t.findResources('AWS::IAM::Policy'));
    const statements = policies.flatMap((p) => p.Properties.PolicyDocument.Statement);
    const kafka = statements.filter((s) => [s.Action].flat().some((a: string) => a.startsWith('kafka-cluster:')));
    expect(kafka.map((s) => s.Sid).sort()).toEqual(['ConnectToCluster', 'UseRegistryGroups', 'UseSchemasTopic']);
    for (const s of kafka) {
      expect([s.Action].flat()).not.toContain('kafka-cluster:*');
      expect([s.Resource].flat()).not.toContain('*');
    }
    const topic = kafka.find((s) => s.Sid === 'UseSchemasTopic');
    expect(JSON.stringify(topic.Resource)).toContain(':topic/');
    expect(JSON.stringify(topic.Resource)).toContain('/_schemas');
    const groups = kafka.find((s) => s.Sid === 'UseRegistryGroups');
    expect(JSON.stringify(groups.Resource)).toContain('/schema-registry"');
    expect(groups.Resource).toContainEqual({
      'Fn::Join': ['', ['arn:aws:kafka:eu-west-1:', { Ref: 'AWS::AccountId' }, ':group/schema-registry-dev/*/schema-registry-10.40.*']],
    });
  });

  test('execution role reads only the admin secret (plus image pull and its own logs)', () => {
    const exec = Object.entries(t.findResources('AWS::IAM::Policy')).find(([id]) => id.includes('ExecutionRole'))![1];
    const statements = exec.Properties.PolicyDocument.Statement;
    const secretReads = statements.filter((s: { Action: string[] }) => [s.Action].flat().includes('secretsmanager:GetSecretValue'));
    expect(secretReads).toHaveLength(1);
    expect(secretReads[0].Resource).toEqual({ 'Fn::ImportValue': expect.stringMatching(/^Dev-Data:/) });
    // The secret's key: decrypt only through Secrets Manager, only for this secret.
    const keyUse = statements.filter((s: { Action: unknown }) => JSON.stringify(s.Action).includes('kms:'));
    expect(keyUse).toEqual([
      {
        Action: 'kms:Decrypt',
        Effect: 'Allow',
        Resource: { 'Fn::ImportValue': expect.stringMatching(/^Dev-Data:.*EnvironmentKey/) },
        Condition: {
          StringEquals: {
            'kms:ViaService': 'secretsmanager.eu-west-1.amazonaws.com',
            'kms:EncryptionContext:SecretARN': secretReads[0].Resource,
          },
        },
      },
    ]);
    const wildcard = statements.filter((s: { Resource: unknown }) => s.Resource === '*');
    expect(wildcard.map((s: { Action: unknown }) => s.Action)).toEqual(['ecr:GetAuthorizationToken']);
  });

  test('image build args come from config, named as the Dockerfile expects', () => {
    const assembly = stage.stage.synth();
    const manifests = assembly.artifacts.filter((a) => a instanceof cxapi.AssetManifestArtifact) as cxapi.AssetManifestArtifact[];
    const allImages = manifests.flatMap((m) => Object.values(JSON.parse(fs.readFileSync(m.file, 'utf8')).dockerImages ?? {})) as any[];
    // The registry image (the migration task's image is tested in test/lib/constructs/migration).
    const images = allImages.filter((image) => image.displayName.startsWith('Task/'));
    expect(images).toHaveLength(1);
    expect(images[0].source.platform).toBe('linux/arm64');
    expect(images[0].source.dockerBuildArgs).toEqual({
      [contract.imageBuildArgs.cpVersion]: '8.0.4',
      [contract.imageBuildArgs.mskIamAuthVersion]: '2.3.8',
    });
  });

  test('outputs the registry URL', () => {
    t.hasOutput('RegistryUrl', { Value: { 'Fn::Join': ['', ['http://', { 'Fn::GetAtt': [Match.anyValue(), 'DNSName'] }]] } });
  });
});

describe('Registry stack (prod defaults)', () => {
  const { registry: t, stage } = defaultStage('prod');

  test('prod sizing: 1 vCPU / 4 GiB, scaling 2..6 by default, heap 60 %', () => {
    t.hasResourceProperties('AWS::ECS::TaskDefinition', { Cpu: '1024', Memory: '4096' });
    t.hasParameter('MinTasks', { Type: 'Number', Default: 2, MinValue: 2, MaxValue: 20 });
    t.hasParameter('MaxTasks', { Type: 'Number', Default: 6, MinValue: 2, MaxValue: 20 });
    t.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', {
      MinCapacity: { Ref: 'MinTasks' },
      MaxCapacity: { Ref: 'MaxTasks' },
    });
    expect(envMap(t)[contract.environment.heapOpts]).toBe('-Xms2457m -Xmx2457m');
    expect(stage.registry.resolve(stage.registry.minTaskCount)).toEqual({ Ref: 'MinTasks' });
  });

  test('prod runs on on-demand Fargate only, without ECS Exec', () => {
    t.hasResourceProperties('AWS::ECS::Service', {
      CapacityProviderStrategy: [{ CapacityProvider: 'FARGATE', Weight: 1 }],
      EnableExecuteCommand: false,
    });
    const statements = Object.values(t.findResources('AWS::IAM::Policy')).flatMap((p) => p.Properties.PolicyDocument.Statement);
    expect(JSON.stringify(statements)).not.toContain('ssmmessages');
  });

  test('prod keeps container logs for a year', () => {
    t.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 365 });
  });
});

describe('Registry stack with a certificate, clients and DNS', () => {
  const config = configWith('staging', {
    endpoint: {
      certificateArn: CERT,
      allowedClientCidrs: ['10.1.0.0/16'],
      allowedClientSecurityGroupIds: ['sg-0123456789abcdef0'],
      dns: { hostedZoneId: 'Z0123456789ABCDEFGHIJ', zoneName: 'internal.example.com', recordName: 'schema-registry' },
    },
  });
  const { registry: t, stage } = synthStage(config);

  test('HTTPS listener with the certificate and a modern TLS policy; HTTP redirects', () => {
    t.resourceCountIs('AWS::ElasticLoadBalancingV2::Listener', 2);
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 443,
      Protocol: 'HTTPS',
      Certificates: [{ CertificateArn: CERT }],
      SslPolicy: Match.stringLikeRegexp('^ELBSecurityPolicy-TLS13'),
    });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 80,
      Protocol: 'HTTP',
      DefaultActions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } }],
    });
  });

  test('load balancer ingress only from the configured CIDR and security group, on 443 and 80', () => {
    const albSg = logicalIdOf(t, 'AWS::EC2::SecurityGroup', { GroupDescription: Match.stringLikeRegexp('^Schema Registry load balancer') });
    const rules = t.findResources('AWS::EC2::SecurityGroup')[albSg].Properties.SecurityGroupIngress;
    expect(rules.map((r: any) => [r.CidrIp ?? r.SourceSecurityGroupId, r.FromPort]).sort()).toEqual([
      ['10.1.0.0/16', 443],
      ['10.1.0.0/16', 80],
      ['sg-0123456789abcdef0', 443],
      ['sg-0123456789abcdef0', 80],
    ]);
  });

  test('alias record in the configured zone; the URL uses it over HTTPS', () => {
    t.hasResourceProperties('AWS::Route53::RecordSet', {
      Name: 'schema-registry.internal.example.com.',
      Type: 'A',
      HostedZoneId: 'Z0123456789ABCDEFGHIJ',
      AliasTarget: Match.objectLike({ DNSName: Match.anyValue() }),
    });
    expect(stage.registry.registryUrl).toBe('https://schema-registry.internal.example.com');
  });
});

describe('Registry stack with an existing Kafka cluster', () => {
  const existing = (kafka: Partial<Extract<EnvironmentConfig['kafka'], { mode: 'existing' }>>): EnvironmentConfig => ({
    ...ENVIRONMENTS.dev,
    kafka: {
      mode: 'existing',
      bootstrapServers: 'b-1.kafka.internal:9096,b-2.kafka.internal:9096',
      auth: 'scram',
      topic: '_schemas_team_a',
      groupId: 'schema-registry-team-a',
      replicationFactor: 3,
      ...kafka,
    } as EnvironmentConfig['kafka'],
  });

  test('SCRAM: credentials from the configured secret through secrets; no MSK cluster created', () => {
    const secretArn = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:kafka/registry-AbCdEf';
    const scramSecretKmsKeyArn = 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    const { registry: t, data } = synthStage(existing({ scramSecretArn: secretArn, scramSecretKmsKeyArn, brokerCidrs: ['10.9.0.0/16'] }));
    data.resourceCountIs('AWS::MSK::Cluster', 0);
    const c = container(t);
    const secrets = Object.fromEntries(c.Secrets.map((s: { Name: string; ValueFrom: unknown }) => [s.Name, s.ValueFrom]));
    expect(secrets[contract.secrets.scramUsername]).toBe(`${secretArn}:username::`);
    expect(secrets[contract.secrets.scramPassword]).toBe(`${secretArn}:password::`);
    const env = envMap(t);
    expect(env[contract.environment.kafkaAuthMode]).toBe('scram');
    expect(env[contract.environment.bootstrapServers]).toBe('b-1.kafka.internal:9096,b-2.kafka.internal:9096');
    expect(env[contract.environment.topic]).toBe('_schemas_team_a');
    expect(env[contract.environment.groupId]).toBe('schema-registry-team-a');
    const taskSg = logicalIdOf(t, 'AWS::EC2::SecurityGroup', { GroupDescription: Match.stringLikeRegexp('^Schema Registry tasks') });
    expect(t.findResources('AWS::EC2::SecurityGroup')[taskSg].Properties.SecurityGroupEgress).toEqual(
      expect.arrayContaining([
        { CidrIp: '10.9.0.0/16', Description: 'Registry to Kafka brokers', FromPort: 9096, IpProtocol: 'tcp', ToPort: 9096 },
      ]),
    );
    const statements = Object.values(t.findResources('AWS::IAM::Policy')).flatMap((p) => p.Properties.PolicyDocument.Statement);
    expect(JSON.stringify(statements)).not.toContain('kafka-cluster:');
  });

  test('IAM against an existing MSK cluster: literal ARNs for cluster, topic and groups', () => {
    const clusterArn = 'arn:aws:kafka:eu-west-1:123456789012:cluster/shared/0b1e2f3a-1111-2222-3333-444455556666-3';
    const { registry: t } = synthStage(
      existing({ auth: 'iam', clusterArn, bootstrapServers: 'b-1.shared.kafka.eu-west-1.amazonaws.com:9098' }),
    );
    const statements = Object.values(t.findResources('AWS::IAM::Policy')).flatMap((p) => p.Properties.PolicyDocument.Statement);
    const bySid = Object.fromEntries(statements.filter((s) => s.Sid).map((s) => [s.Sid, s.Resource]));
    const base = 'arn:aws:kafka:eu-west-1:123456789012';
    const id = 'shared/0b1e2f3a-1111-2222-3333-444455556666-3';
    expect(bySid.ConnectToCluster).toBe(clusterArn);
    expect(bySid.UseSchemasTopic).toBe(`${base}:topic/${id}/_schemas_team_a`);
    expect([...bySid.UseRegistryGroups].sort()).toEqual([
      `${base}:group/${id}/schema-registry-team-a`,
      `${base}:group/${id}/schema-registry-team-a-10.40.*`,
    ]);
    expect(container(t).Secrets.map((s: { Name: string }) => s.Name)).not.toContain(contract.secrets.scramPassword);
  });

  test('basic auth off: no admin secrets injected', () => {
    const config = { ...configWith('dev', { registry: { basicAuth: { enabled: false, roles: [] } } }) };
    const { registry: t } = synthStage(config);
    expect(container(t).Secrets).toBeUndefined();
    expect(envMap(t)[contract.environment.basicAuthEnabled]).toBe('false');
  });

  test('a configured jar checksum is passed to the image build', () => {
    const sha = 'a'.repeat(64);
    const { stage } = synthStage(configWith('dev', { registry: { mskIamAuthSha256: sha } }));
    const assembly = stage.synth();
    const manifest = assembly.artifacts.find(
      (a) => a instanceof cxapi.AssetManifestArtifact && a.id.includes('Registry'),
    ) as cxapi.AssetManifestArtifact;
    const [image] = Object.values(JSON.parse(fs.readFileSync(manifest.file, 'utf8')).dockerImages) as any[];
    expect(image.source.dockerBuildArgs[contract.imageBuildArgs.mskIamAuthSha256]).toBe(sha);
  });

  test('extra properties become SCHEMA_REGISTRY_* variables', () => {
    const { registry: t } = synthStage(
      configWith('dev', { registry: { extraProperties: { 'schema.compatibility.level': 'full', 'access-control.allow-origin': '*' } } }),
    );
    const env = envMap(t);
    expect(env.SCHEMA_REGISTRY_SCHEMA_COMPATIBILITY_LEVEL).toBe('full');
    expect(env.SCHEMA_REGISTRY_ACCESS___CONTROL_ALLOW___ORIGIN).toBe('*');
  });
});

describe.each(['dev', 'staging', 'prod'] as const)('Registry stack snapshot (%s)', (name) => {
  test('matches', () => {
    expect(defaultStage(name).registry.toJSON()).toMatchSnapshot();
  });
});

test("kafka.mode 'create' without the Data stack's cluster connection names the missing prop", () => {
  const app = testApp();
  const shared = new Stack(app, 'Shared');
  const vpc = new ec2.Vpc(shared, 'Vpc', { maxAzs: 2 });
  expect(
    () =>
      new RegistryStack(app, 'Registry', {
        config: ENVIRONMENTS.dev,
        vpc,
        adminSecret: new secretsmanager.Secret(shared, 'Admin'),
        accessLogsBucket: new s3.Bucket(shared, 'Logs'),
        environmentKey: new kms.Key(shared, 'Key'),
      }),
  ).toThrow(
    "RegistryStack at Registry: invalid props:\n - createdKafka is required when config.kafka.mode is 'create' (pass the Data stack's mskCluster.connection())",
  );
});
