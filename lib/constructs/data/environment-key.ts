import { ArnFormat, Duration, type RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { denyGrantsExceptForAwsServices } from '../shared/key-grant-policy';

export interface EnvironmentKeyProps {
  /** Environment name: the alias `alias/schema-registry-<env>` and the description. */
  readonly environmentName: string;
  /**
   * Log-group name prefix CloudWatch Logs may use the key for: the environment's stacks are named
   * `<Stage>-<Stack>`, their log groups get generated names that start with the stack name, and a
   * function's own `/aws/lambda/<function>` group starts with its generated name; so `Prod-` covers
   * every log group of Prod and nothing of another environment.
   */
  readonly logGroupNamePrefix: string;
  /** RETAIN keeps the key (and so everything encrypted with it readable) when the stack goes away. */
  readonly removalPolicy: RemovalPolicy;
}

/** CloudWatch Logs needs these on a key that encrypts log groups (AWS's documented key policy). */
const LOGS_KEY_ACTIONS = ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'];

/**
 * The environment's customer-managed KMS key (rotation on): the log groups of every stack, the data
 * bucket (SSE-KMS with an S3 Bucket Key) and the admin secret. Principals of the account get access
 * through their IAM policies (the default key policy trusts the account); CloudWatch Logs gets a
 * statement limited to this environment's log groups. Nobody may create grants except AWS services
 * acting for an AWS resource (Control Tower CT.KMS.PR.3).
 */
export class EnvironmentKey extends Construct {
  readonly key: kms.Key;

  constructor(scope: Construct, id: string, props: EnvironmentKeyProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.key = new kms.Key(this, 'Key', {
      alias: `alias/schema-registry-${props.environmentName}`,
      description: `Schema Registry (${props.environmentName}): log groups, data bucket and admin secret`,
      enableKeyRotation: true,
      pendingWindow: Duration.days(30),
      removalPolicy: props.removalPolicy,
    });
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudWatchLogsForThisEnvironment',
        principals: [new iam.ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
        actions: LOGS_KEY_ACTIONS,
        resources: ['*'],
        conditions: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': [`${props.logGroupNamePrefix}*`, `/aws/lambda/${props.logGroupNamePrefix}*`].map((name) =>
              stack.formatArn({ service: 'logs', resource: 'log-group', resourceName: name, arnFormat: ArnFormat.COLON_RESOURCE_NAME }),
            ),
          },
        },
      }),
    );
    denyGrantsExceptForAwsServices(this.key);
  }
}
