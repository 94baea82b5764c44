import type { EnvironmentName } from './environment-name';
import { describeFargateMemory, FARGATE_CPU_VALUES, validFargateMemory } from './validation/fargate';
import { isIpv4Cidr, isPositiveInteger, isSecretArn } from './validation/formats';

/**
 * Running a migration from inside the VPC (docs/sr-migrate.md "Run it inside the VPC"): an
 * on-demand Fargate task that `sr-migrate remote` starts (no service, nothing runs until asked),
 * a scheduled check of the new registry's modes, and the alarms that watch a sync and a cut-over
 * (docs/monitoring.md "Migration alarms").
 */
export interface MigrationConfig {
  /**
   * Create the migration task, the mode check and the migration alarms. Turn it off once the
   * migration is over (or in an environment that is never migrated into).
   * @default true
   */
  readonly enabled: boolean;

  /**
   * Fargate CPU units of the migration task (with `memoryMiB`, a valid Fargate pair).
   * @default 1024
   */
  readonly cpu: number;

  /**
   * Memory of the migration task in MiB. The engine holds one registry snapshot in memory
   * (about the size of its schema texts); Node's heap is set to three quarters of it.
   * @default 4096
   */
  readonly memoryMiB: number;

  /**
   * IPv4 CIDRs of the source registry, for `sync`, `cutover`, `export` and `verify --source`
   * run in the task. HTTPS (443) to anywhere is always open (AWS APIs), so a source served on
   * 443 needs nothing here; a source on another port (e.g. 8081) needs its network here and
   * its port in `sourcePorts`.
   * @default [] (only HTTPS leaves the task)
   */
  readonly sourceCidrs: string[];

  /**
   * TCP ports of the source registry, opened to each of `sourceCidrs`.
   * @default []
   */
  readonly sourcePorts: number[];

  /**
   * Secrets Manager secret holding the source registry's credentials
   * (`{"username","password"}` or `{"token"}`). The task may read it, and `sr-migrate remote`
   * passes it as `--source-secret-arn` (or `--target-secret-arn` for a rollback) for the side
   * that is not `{target}`. If it is encrypted with a customer managed key, that key's policy
   * must let the task role decrypt.
   * @default undefined (the source needs no credentials, or they are in the URL)
   */
  readonly sourceSecretArn?: string;

  /**
   * Minutes between two checks of the new registry's modes (scopes in IMPORT or READONLY).
   * @default 5
   */
  readonly modeCheckIntervalMinutes: number;

  /** When the migration alarms fire. */
  readonly alarms: MigrationAlarmsConfig;
}

/** Thresholds of the migration alarms (docs/monitoring.md "Migration alarms"). */
export interface MigrationAlarmsConfig {
  /**
   * `RegistryNotWritable` fires when scopes stay in IMPORT or READONLY this long while no
   * sync publishes metrics. At least one mode-check interval.
   * @default 15
   */
  readonly notWritableMinutes: number;

  /**
   * Scopes that may be IMPORT or READONLY on purpose (e.g. subjects the source keeps
   * READONLY) before `RegistryNotWritable` fires.
   * @default 0
   */
  readonly allowedNotWritableScopes: number;

  /**
   * `SyncStalled` fires when a running sync has had no successful pass for this long.
   * @default 10
   */
  readonly syncNoSuccessMinutes: number;

  /**
   * `SyncBehind` fires when every sync pass for this long started with versions behind.
   * @default 15
   */
  readonly syncBehindMinutes: number;
}

const DEFAULT_ALARMS: MigrationAlarmsConfig = {
  notWritableMinutes: 15,
  allowedNotWritableScopes: 0,
  syncNoSuccessMinutes: 10,
  syncBehindMinutes: 15,
};
const DEFAULT_MIGRATION: MigrationConfig = {
  enabled: true,
  cpu: 1024,
  memoryMiB: 4096,
  sourceCidrs: [],
  sourcePorts: [],
  modeCheckIntervalMinutes: 5,
  alarms: DEFAULT_ALARMS,
};

/** The same everywhere: the task costs nothing until it runs. */
export const DEFAULT_MIGRATION_CONFIG: Record<EnvironmentName, MigrationConfig> = {
  dev: DEFAULT_MIGRATION,
  staging: DEFAULT_MIGRATION,
  prod: DEFAULT_MIGRATION,
};

// Alarms on 1-minute periods may look back one day (CloudWatch limit).
const MAX_ALARM_MINUTES = 24 * 60;
const MAX_MODE_CHECK_INTERVAL = 60;

/** Problems with a migration config, each naming the field and the fix; [] when valid or disabled. */
export function validateMigrationConfig(config: MigrationConfig, region: string, path = 'migration'): string[] {
  if (!config.enabled) return [];
  const problems = migrationTaskProblems(config, region, path);
  if (!isPositiveInteger(config.modeCheckIntervalMinutes) || config.modeCheckIntervalMinutes > MAX_MODE_CHECK_INTERVAL) {
    problems.push(
      `${path}.modeCheckIntervalMinutes must be a whole number from 1 to ${MAX_MODE_CHECK_INTERVAL}, got ${config.modeCheckIntervalMinutes}`,
    );
  }
  problems.push(...alarmProblems(config, `${path}.alarms`));
  return problems;
}

/**
 * Problems with what the migration task itself is built from (size, source network, source
 * secret); the MigrationTask construct checks its props with this. `region` undefined skips the
 * secret's region check (an environment-agnostic stack).
 */
export function migrationTaskProblems(
  config: Pick<MigrationConfig, 'cpu' | 'memoryMiB' | 'sourceCidrs' | 'sourcePorts' | 'sourceSecretArn'>,
  region: string | undefined,
  path = 'migration',
): string[] {
  return [...taskSizeProblems(config, path), ...sourceProblems(config, region, path)];
}

function taskSizeProblems(config: Pick<MigrationConfig, 'cpu' | 'memoryMiB'>, path: string): string[] {
  if (!FARGATE_CPU_VALUES.includes(config.cpu)) {
    return [`${path}.cpu must be one of ${FARGATE_CPU_VALUES.join(', ')} (Fargate CPU units), got ${config.cpu}`];
  }
  if (!validFargateMemory(config.cpu).includes(config.memoryMiB)) {
    return [
      `${path}.cpu/memoryMiB: ${config.cpu}/${config.memoryMiB} is not a valid Fargate pair; valid memory for ${config.cpu} CPU: ${describeFargateMemory(config.cpu)}`,
    ];
  }
  return [];
}

function sourceProblems(
  config: Pick<MigrationConfig, 'sourceCidrs' | 'sourcePorts' | 'sourceSecretArn'>,
  region: string | undefined,
  path: string,
): string[] {
  const problems: string[] = [];
  for (const cidr of config.sourceCidrs) {
    if (!isIpv4Cidr(cidr)) problems.push(`${path}.sourceCidrs: '${cidr}' is not an IPv4 CIDR like 10.20.0.0/16`);
    else if (cidr.endsWith('/0')) {
      problems.push(`${path}.sourceCidrs: '${cidr}' opens the task to every address; list the source registry's network instead`);
    }
  }
  for (const port of config.sourcePorts) {
    if (!(Number.isInteger(port) && port >= 1 && port <= 65535))
      problems.push(`${path}.sourcePorts: ${port} is not a TCP port (1 to 65535)`);
  }
  if (new Set(config.sourcePorts).size !== config.sourcePorts.length) problems.push(`${path}.sourcePorts lists a port more than once`);
  // Half a rule opens nothing: say what the other half is for.
  if (config.sourceCidrs.length > 0 && config.sourcePorts.length === 0) {
    problems.push(
      `${path}.sourcePorts is empty, so sourceCidrs opens nothing: list the source registry's port (e.g. [8081]) ` +
        'so sync, cutover, export and verify --source can reach it from the task',
    );
  }
  if (config.sourcePorts.length > 0 && config.sourceCidrs.length === 0) {
    problems.push(
      `${path}.sourceCidrs is empty, so sourcePorts opens nothing: list the source registry's network (e.g. ["10.20.0.0/16"]) ` +
        'so sync, cutover, export and verify --source can reach it from the task',
    );
  }
  const arn = config.sourceSecretArn;
  if (arn !== undefined) {
    if (!isSecretArn(arn)) {
      problems.push(
        `${path}.sourceSecretArn: '${arn}' is not a Secrets Manager secret ARN (arn:aws:secretsmanager:<region>:<account>:secret:<name>)`,
      );
    } else if (region !== undefined && arn.split(':')[3] !== region) {
      problems.push(
        `${path}.sourceSecretArn: the secret is in ${arn.split(':')[3]} but the task runs in ${region}; use a secret in ${region}`,
      );
    }
  }
  return problems;
}

function alarmProblems(config: MigrationConfig, path: string): string[] {
  const problems: string[] = [];
  const { notWritableMinutes, allowedNotWritableScopes, syncNoSuccessMinutes, syncBehindMinutes } = config.alarms;
  for (const [field, value] of Object.entries({ notWritableMinutes, syncNoSuccessMinutes, syncBehindMinutes })) {
    if (!isPositiveInteger(value) || value > MAX_ALARM_MINUTES) {
      problems.push(`${path}.${field} must be a whole number of minutes from 1 to ${MAX_ALARM_MINUTES} (one day), got ${value}`);
    }
  }
  if (isPositiveInteger(notWritableMinutes) && isPositiveInteger(config.modeCheckIntervalMinutes)) {
    if (notWritableMinutes < config.modeCheckIntervalMinutes) {
      problems.push(
        `${path}.notWritableMinutes (${notWritableMinutes}) must be at least modeCheckIntervalMinutes (${config.modeCheckIntervalMinutes}): ` +
          'the alarm needs one check to see the registry',
      );
    }
  }
  if (isPositiveInteger(syncNoSuccessMinutes) && syncNoSuccessMinutes < 2) {
    problems.push(`${path}.syncNoSuccessMinutes must be at least 2: a sync pass runs every 30 seconds and one slow pass is not a stall`);
  }
  if (!(Number.isInteger(allowedNotWritableScopes) && allowedNotWritableScopes >= 0)) {
    problems.push(`${path}.allowedNotWritableScopes must be a whole number >= 0, got ${allowedNotWritableScopes}`);
  }
  return problems;
}
