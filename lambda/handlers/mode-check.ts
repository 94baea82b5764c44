import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { REGISTRY_ACCESS_ENV } from '../contracts/registry-access';
import { describeScope } from '../registry-client/names';
import { errorMessage, logEvent } from './log';
import { publishScopesNotWritable } from './mode-check/metrics';
import { notWritableScopes } from './mode-check/not-writable-scopes';
import { openAdminRegistry } from './open-admin-registry';

/**
 * Scheduled mode check of the new registry (docs/monitoring.md "Migration alarms"), run by an
 * EventBridge rule: counts the scopes whose own mode is IMPORT or READONLY and publishes the
 * count as `SchemaRegistry/Migration ScopesInImportOrReadOnly` (dimension `Environment`). The
 * alarm `RegistryNotWritable` fires when the count stays above zero while no sync runs: the
 * classic failure after a cut-over, a registry left in IMPORT so producers cannot register.
 * The scopes found are logged (at most LOGGED_SCOPES of them), so the alarm's responder sees
 * which. A registry it cannot read makes the run fail (the ModeCheckErrors alarm).
 *
 * Environment (non-secret only, names in lambda/contracts): REGISTRY_URL, ADMIN_SECRET_ARN, ENV_NAME.
 */

export interface ModeCheckResult {
  readonly scopesNotWritable: number;
  /** The first LOGGED_SCOPES of them, described ("the top level", "subject orders-value", …) with their mode. */
  readonly scopes: readonly string[];
}

/** Injectable pieces (the registry is reached as deployed: URL and admin secret from the environment). */
export interface ModeCheckDependencies {
  readonly cloudwatch?: CloudWatchClient;
  readonly now?: () => Date;
}

/** Scopes named in the log and the result; the count covers all of them. */
export const LOGGED_SCOPES = 20;

let cloudwatchClient: CloudWatchClient | undefined;

export async function handler(): Promise<ModeCheckResult> {
  return runModeCheck(process.env);
}

export async function runModeCheck(env: NodeJS.ProcessEnv, deps: ModeCheckDependencies = {}): Promise<ModeCheckResult> {
  const settings = modeCheckSettings(env);
  let found;
  try {
    const api = await openAdminRegistry(settings.registryUrl, settings.adminSecretArn);
    try {
      found = await notWritableScopes(api);
    } finally {
      api.close();
    }
  } catch (error) {
    throw new Error(`Mode check of ${settings.registryUrl} failed: ${errorMessage(error)}`);
  }
  const scopes = found.slice(0, LOGGED_SCOPES).map(({ scope, mode }) => `${describeScope(scope)}: ${mode}`);
  await publishScopesNotWritable(
    deps.cloudwatch ?? (cloudwatchClient ??= new CloudWatchClient({})),
    settings.envName,
    found.length,
    (deps.now ?? (() => new Date()))(),
  );
  logEvent('mode-check.complete', { registryUrl: settings.registryUrl, scopesNotWritable: found.length, scopes });
  return { scopesNotWritable: found.length, scopes };
}

interface ModeCheckSettings {
  readonly registryUrl: string;
  readonly adminSecretArn: string;
  readonly envName: string;
}

function modeCheckSettings(env: NodeJS.ProcessEnv): ModeCheckSettings {
  const names = REGISTRY_ACCESS_ENV;
  const missing = [names.registryUrl, names.adminSecretArn, names.envName].filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new Error(
      `Mode check function is misconfigured: missing environment variable(s) ${missing.join(', ')} (set by the RegistryModeCheck construct)`,
    );
  }
  return {
    registryUrl: env[names.registryUrl]!.replace(/\/+$/, ''),
    adminSecretArn: env[names.adminSecretArn]!,
    envName: env[names.envName]!,
  };
}
