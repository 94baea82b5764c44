/** A `sr-migrate remote` failure, with its cause and the fix (printed as one line). */
export class RemoteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RemoteError';
  }
}

/**
 * One line for an AWS SDK failure during `action` (e.g. "cloudformation:DescribeStacks on
 * Prod-Registry"): missing or expired credentials, a missing region and access denied get
 * their fix; anything else keeps the service's own message.
 */
export function awsError(error: unknown, action: string): RemoteError {
  if (error instanceof RemoteError) return error;
  const name = (error as { name?: string })?.name ?? 'Error';
  const message = (error as Error)?.message ?? String(error);
  if (name === 'CredentialsProviderError' || /could not load credentials/i.test(message)) {
    return new RemoteError(
      'no AWS credentials: set AWS_PROFILE (and run `aws sso login` for SSO profiles) or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, then run again',
    );
  }
  if (/^(ExpiredToken|ExpiredTokenException|RequestExpired)$/.test(name) || /token.*expired|expired.*token/i.test(message)) {
    return new RemoteError('your AWS credentials have expired: refresh them (e.g. `aws sso login`) and run again');
  }
  if (/region is missing/i.test(message)) {
    return new RemoteError("no AWS region: pass --region with the environment's region (e.g. --region eu-west-1) or set AWS_REGION");
  }
  if (/^(AccessDenied|AccessDeniedException|UnauthorizedOperation|UnrecognizedClientException|InvalidClientTokenId)$/.test(name)) {
    return new RemoteError(
      `access denied to ${action}: ${message} (sr-migrate remote needs cloudformation:DescribeStacks, ecs:RunTask, ecs:TagResource, ` +
        'ecs:DescribeTasks, ecs:StopTask, iam:PassRole on the task and execution roles, and logs:FilterLogEvents; see docs/sr-migrate.md)',
    );
  }
  return new RemoteError(`${action} failed: ${name}: ${message}`);
}
