import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledge } from '../../nag/acknowledge';

export interface RegistryClientFunctionProps {
  /** Handler file (TypeScript), bundled with esbuild. */
  readonly entry: string;
  /** Exported handler name in `entry`. */
  readonly handler: string;
  readonly description: string;
  readonly timeout: Duration;
  /**
   * Memory; the engine holds one export (or snapshot) in memory.
   * @default 1024
   */
  readonly memorySize?: number;
  /** Non-secret settings only (secrets are read from Secrets Manager at run time). */
  readonly environment: Record<string, string>;
  /** The VPC the registry's load balancer lives in. */
  readonly vpc: ec2.IVpc;
  /**
   * Subnets for the function's network interfaces.
   * @default private subnets with egress
   */
  readonly vpcSubnets?: ec2.SubnetSelection;
  /**
   * The registry's load-balancer listener: the function may reach exactly its port, and the
   * load balancer's security group gets the matching ingress rule.
   */
  readonly registryListener: elbv2.IApplicationListener;
  /** Retention of the function's log group. */
  readonly logRetention: logs.RetentionDays;
  /**
   * What happens to the log group when the stack is deleted.
   * @default RemovalPolicy.DESTROY
   */
  readonly logRemovalPolicy?: RemovalPolicy;
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
      removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.DESTROY,
    });

    this.function = new nodejs.NodejsFunction(this, 'Function', {
      entry: props.entry,
      handler: props.handler,
      description: props.description,
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 1024,
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
