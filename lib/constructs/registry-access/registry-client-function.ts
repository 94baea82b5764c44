import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledge } from '../../nag/acknowledge';
import { DEFAULT_REGISTRY_ACCESS_MEMORY_MB, type RegistryAccessProps } from './registry-access-props';

/**
 * One registry-access function. The shared props (network, logs, memory) come from
 * RegistryAccessProps; the registry URL and the admin secret reach the function the way its
 * construct chooses: as environment variables (`registryAccessEnvironment`, plus
 * `adminSecret.grantRead`) or as custom-resource properties (seeding). So they are not props here.
 */
export interface RegistryClientFunctionProps extends Omit<RegistryAccessProps, 'registryUrl' | 'adminSecret'> {
  /** Handler file (TypeScript), bundled with esbuild. */
  readonly entry: string;
  /** Exported handler name in `entry`. */
  readonly handler: string;
  /** Function description; also names the security group and its rules. */
  readonly description: string;
  /** Invocation timeout (at most 15 minutes). */
  readonly timeout: Duration;
  /** Non-secret settings only (secrets are read from Secrets Manager at run time). */
  readonly environment: Record<string, string>;
}

/**
 * A Node.js Lambda that talks to the registry from inside the VPC: current runtime on ARM64,
 * bundled with esbuild, an explicit log group with retention, and a dedicated security group
 * whose egress reaches only the registry's listener port and HTTPS (443) for AWS APIs.
 */
export class RegistryClientFunction extends Construct {
  readonly function: nodejs.NodejsFunction;
  readonly securityGroup: ec2.SecurityGroup;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: RegistryClientFunctionProps) {
    super(scope, id);

    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: `${props.description}: egress to the registry listener and HTTPS only`,
      allowAllOutbound: false,
    });
    // AWS APIs (S3, Secrets Manager, ECS, CloudWatch) through the NAT gateway or VPC endpoints.
    this.securityGroup.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'HTTPS to AWS APIs');

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention,
      encryptionKey: props.logEncryptionKey,
      removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.DESTROY,
    });

    this.function = new nodejs.NodejsFunction(this, 'Function', {
      entry: props.entry,
      handler: props.handler,
      description: props.description,
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? DEFAULT_REGISTRY_ACCESS_MEMORY_MB,
      timeout: props.timeout,
      environment: { NODE_OPTIONS: '--enable-source-maps', ...props.environment },
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.TEXT,
      vpc: props.vpc,
      vpcSubnets: props.vpcSubnets ?? { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      securityGroups: [this.securityGroup],
      bundling: {
        // Bundle the SDK too: the handlers are tested against these exact client versions.
        externalModules: [],
        minify: true,
        sourceMap: true,
        target: 'node24',
      },
    });
    // Egress on our group to the listener port, ingress on the load balancer's group from ours.
    this.function.connections.allowToDefaultPort(props.registryListener, `${props.description} to the registry`);

    acknowledge(
      this.function,
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason:
          'AWS managed policy for writing the function logs; it only allows CloudWatch Logs stream creation and writes, which every Lambda function needs.',
      },
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole]',
        reason:
          'AWS managed policy that lets Lambda create and delete the network interfaces of a VPC function; the function must run in the VPC to reach the internal load balancer.',
      },
    );
  }
}

/** The part of a RegistryAccessProps that a RegistryClientFunction takes (everything but the URL and the secret). */
export function registryFunctionProps(access: RegistryAccessProps): Omit<RegistryAccessProps, 'registryUrl' | 'adminSecret'> {
  return {
    vpc: access.vpc,
    vpcSubnets: access.vpcSubnets,
    registryListener: access.registryListener,
    logRetention: access.logRetention,
    logRemovalPolicy: access.logRemovalPolicy,
    logEncryptionKey: access.logEncryptionKey,
    memorySize: access.memorySize,
  };
}
