import * as path from 'node:path';

/**
 * Variables that carry AWS credentials or tell an SDK where to find them. The offline diff
 * drops every one of them, so neither `cdk synth` nor `cdk diff` can authenticate: a code
 * path that tried to call AWS would fail instead of quietly using someone's session.
 */
const CREDENTIAL_VARIABLES = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_SECURITY_TOKEN',
  'AWS_CREDENTIAL_EXPIRATION',
  'AWS_PROFILE',
  'AWS_DEFAULT_PROFILE',
  'AWS_ROLE_ARN',
  'AWS_ROLE_SESSION_NAME',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  'AWS_CONTAINER_AUTHORIZATION_TOKEN',
  'AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE',
  'AWS_SSO_SESSION',
];

/**
 * The environment for the CDK CLI in an offline diff: no credentials, no shared config or
 * credentials files (they point at a path that does not exist), no instance metadata, no
 * telemetry, no version check. Everything else (PATH, proxies, region) is kept.
 *
 * @param base the caller's environment
 * @param scratchDir a temporary directory; the config-file paths point inside it at names that are never created
 */
export function offlineCdkEnv(base: NodeJS.ProcessEnv, scratchDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };
  for (const name of CREDENTIAL_VARIABLES) delete env[name];
  return {
    ...env,
    AWS_CONFIG_FILE: path.join(scratchDir, 'no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(scratchDir, 'no-aws-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    CDK_DISABLE_CLI_TELEMETRY: 'true',
    CDK_DISABLE_VERSION_CHECK: 'true',
    NO_COLOR: '1',
  };
}
