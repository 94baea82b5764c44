import { TARGET_PLACEHOLDER } from '../../lambda/contracts/migration-task';
import { UsageError } from '../errors';
import type { RegistrySide } from '../connect';
import type { MigrationStack } from './stack-outputs';

/** The command line the task runs, and what `remote` did to it (printed before the task starts). */
export interface PreparedCommand {
  readonly args: readonly string[];
  readonly notes: readonly string[];
}

/** ECS caps a RunTask's overrides at 8 KiB. */
const MAX_OVERRIDE_BYTES = 8192;
const SIDES: readonly RegistrySide[] = ['source', 'target'];

/**
 * Prepares `args` (an sr-migrate command line) for the migration task:
 * - `{target}` becomes the environment's registry URL. It may only be the value of `--source` or
 *   `--target`, and brings the admin secret with it (`--target-secret-arn <arn>`, or
 *   `--source-secret-arn <arn>` when the new registry is the source, as in a rollback).
 * - The other side's URL gets the source-credentials secret (`migration.sourceSecretArn`), when
 *   the stack has one and the command names none.
 * Only ARNs travel: a URL with `user:password@` is refused (RunTask overrides show in the ECS
 * console and CloudTrail), and local credential variables are not forwarded (a note says so).
 */
export function prepareCommand(args: readonly string[], stack: MigrationStack, env: NodeJS.ProcessEnv = {}): PreparedCommand {
  if (args.length === 0) {
    throw new UsageError(
      `remote needs the command to run after --, e.g. sr-migrate remote --env prod -- verify --target ${TARGET_PLACEHOLDER} --in s3://…`,
    );
  }
  if (args[0] === 'remote') throw new UsageError('remote runs an sr-migrate command in the task; that command cannot be remote itself');

  const notes: string[] = [];
  const result: string[] = [];
  const urls = new Map<RegistrySide, { url: string; isTarget: boolean }>();
  const secretFlags = new Set<RegistrySide>();
  for (let i = 0; i < args.length; i++) {
    const { flag, value, inline } = optionAt(args, i);
    const side = SIDES.find((s) => flag === `--${s}`);
    if (flag && SIDES.some((s) => flag === `--${s}-secret-arn`)) secretFlags.add(flag === '--source-secret-arn' ? 'source' : 'target');
    if (value !== undefined && value.includes(TARGET_PLACEHOLDER)) {
      if (!side) {
        throw new UsageError(
          `${TARGET_PLACEHOLDER} may only be the value of --source or --target (it brings the admin secret with it), not of ${flag ?? 'a positional argument'}`,
        );
      }
      if (value !== TARGET_PLACEHOLDER) throw new UsageError(`give ${TARGET_PLACEHOLDER} alone after --${side}, not inside another value`);
    }
    if (side && value !== undefined) {
      const isTarget = value === TARGET_PLACEHOLDER;
      const url = isTarget ? stack.registryUrl : value;
      if (!isTarget) refuseCredentialsInUrl(url, side);
      urls.set(side, { url, isTarget });
      result.push(...(inline ? [`--${side}=${url}`] : [args[i], url]));
      i += inline ? 0 : 1;
      continue;
    }
    result.push(args[i]);
    if (!inline && value !== undefined) {
      result.push(value);
      i += 1;
    }
  }

  for (const [side, { url, isTarget }] of urls) {
    if (secretFlags.has(side)) continue;
    if (isTarget) {
      result.push(`--${side}-secret-arn`, stack.adminSecretArn);
      notes.push(`--${side} ${TARGET_PLACEHOLDER}: ${url}, with the admin secret ${stack.adminSecretArn}`);
    } else if (stack.sourceSecretArn) {
      result.push(`--${side}-secret-arn`, stack.sourceSecretArn);
      notes.push(`--${side} ${url}: credentials from the source secret ${stack.sourceSecretArn} (migration.sourceSecretArn)`);
    }
    if (!isTarget) notes.push(...reachabilityNotes(url, side, stack));
  }
  for (const side of SIDES) {
    const names = side === 'source' ? ['SR_SOURCE_AUTH', 'SR_SOURCE_TOKEN'] : ['SR_TARGET_AUTH', 'SR_TARGET_TOKEN'];
    const set = names.filter((name) => env[name]);
    if (set.length > 0 && urls.has(side) && !urls.get(side)!.isTarget) {
      notes.push(
        `${set.join(', ')} ${set.length > 1 ? 'are' : 'is'} set here but not passed to the task (only secret ARNs travel); ` +
          `the task uses --${side}-secret-arn or migration.sourceSecretArn`,
      );
    }
  }
  for (const flag of ['--in', '--out']) {
    const index = result.indexOf(flag);
    const location = index >= 0 ? result[index + 1] : undefined;
    if (location !== undefined && !location.startsWith('s3://')) {
      notes.push(`warning: ${flag} ${location} is a path inside the task, which ends with the command; use s3://<data bucket>/exports/…`);
    }
  }
  const size = Buffer.byteLength(JSON.stringify(result), 'utf8');
  if (size > MAX_OVERRIDE_BYTES) {
    throw new UsageError(`the command is ${size} bytes; ECS allows at most ${MAX_OVERRIDE_BYTES} in a task's overrides: shorten it`);
  }
  return { args: result, notes };
}

/** The option at `args[i]` and its value: `--flag value`, `--flag=value`, or a bare flag/positional. */
function optionAt(args: readonly string[], i: number): { flag?: string; value?: string; inline: boolean } {
  const arg = args[i];
  if (!arg.startsWith('--')) return { value: arg.includes(TARGET_PLACEHOLDER) ? arg : undefined, inline: false };
  const eq = arg.indexOf('=');
  if (eq > 0) return { flag: arg.slice(0, eq), value: arg.slice(eq + 1), inline: true };
  const next = args[i + 1];
  return { flag: arg, value: next !== undefined && !next.startsWith('--') ? next : undefined, inline: false };
}

function refuseCredentialsInUrl(url: string, side: RegistrySide): void {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    return; // The command in the task reports a bad URL itself.
  }
  if (parsed.username || parsed.password) {
    throw new UsageError(
      `the --${side} URL carries credentials (user:password@), which would be stored in the task's overrides (visible in the ECS console ` +
        'and CloudTrail): put them in a Secrets Manager secret and set migration.sourceSecretArn (or pass --' +
        `${side}-secret-arn)`,
    );
  }
}

/** A warning when the task has no rule for the URL's port (443 is always open). */
function reachabilityNotes(url: string, side: RegistrySide, stack: MigrationStack): string[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [];
  }
  const port = Number(parsed.port || (parsed.protocol === 'https:' ? 443 : 80));
  if (port === 443 || stack.sourceAccess.some((access) => access.endsWith(`:${port}`))) return [];
  return [
    `warning: the task can reach --${side} ${parsed.host} only if migration.sourceCidrs/sourcePorts open port ${port} to it ` +
      `(${stack.stackName} allows ${stack.sourceAccess.length > 0 ? stack.sourceAccess.join(', ') : 'HTTPS only'}); ` +
      'otherwise the command times out connecting',
  ];
}
