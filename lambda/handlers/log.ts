/** One JSON line per event in CloudWatch Logs; never pass credentials in `fields`. */
export function logEvent(event: string, fields: Record<string, unknown> = {}): void {
  console.log(JSON.stringify({ event, ...fields }));
}

/** The message of anything thrown, for error messages and logs. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * CloudFormation shows a failure reason of limited size (the whole response must stay under
 * 4 KiB, and the framework appends the log group), so reasons are capped.
 */
export function capReason(message: string, max = 1500): string {
  return message.length <= max ? message : `${message.slice(0, max - 40)}… (truncated; see the function's logs)`;
}
