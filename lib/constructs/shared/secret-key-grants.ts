import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';

/**
 * Lets `grantee` decrypt one Secrets Manager secret's value with its customer-managed key: only
 * through Secrets Manager (`kms:ViaService`) and only for that secret (the `SecretARN` encryption
 * context Secrets Manager sets). Pair it with `secret.grantRead(grantee)`.
 *
 * Needed in stacks that consume the Data stack's secret: `Secret.grantRead` would put the
 * consumer's role into the key policy (a dependency from the Data stack back to its consumer), so
 * consumers use a key-less reference to the secret and get the key permission from here, in their
 * own IAM policy.
 */
export function grantSecretKeyDecrypt(grantee: iam.IGrantable, secret: secretsmanager.ISecret, key: kms.IKey): void {
  grantee.grantPrincipal.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: ['kms:Decrypt'],
      resources: [key.keyArn],
      conditions: {
        StringEquals: {
          'kms:ViaService': `secretsmanager.${Stack.of(key).region}.amazonaws.com`,
          'kms:EncryptionContext:SecretARN': secret.secretArn,
        },
      },
    }),
  );
}
