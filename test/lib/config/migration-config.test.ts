import { applyOverrides, ENVIRONMENTS } from '../../../lib/config';
import { DEFAULT_MIGRATION_CONFIG, type MigrationConfig, validateMigrationConfig } from '../../../lib/config/migration-config';

const base = DEFAULT_MIGRATION_CONFIG.prod;
const check = (patch: Partial<MigrationConfig>) => validateMigrationConfig({ ...base, ...patch }, 'eu-west-1');

test('on by default in every environment, and the defaults are valid', () => {
  for (const env of ['dev', 'staging', 'prod'] as const) {
    expect(ENVIRONMENTS[env].migration.enabled).toBe(true);
    expect(validateMigrationConfig(DEFAULT_MIGRATION_CONFIG[env], 'eu-west-1')).toEqual([]);
  }
});

test('turned off, nothing else is checked', () => {
  expect(check({ enabled: false, cpu: 3, sourceCidrs: ['nope'] })).toEqual([]);
});

test('task size is a Fargate pair', () => {
  expect(check({ cpu: 300 })).toEqual([
    'migration.cpu must be one of 256, 512, 1024, 2048, 4096, 8192, 16384 (Fargate CPU units), got 300',
  ]);
  expect(check({ cpu: 512, memoryMiB: 8192 })).toEqual([
    'migration.cpu/memoryMiB: 512/8192 is not a valid Fargate pair; valid memory for 512 CPU: 1024 to 4096 in steps of 1024',
  ]);
});

test('source network: both halves of a rule, and the message says what sync and cutover need', () => {
  expect(check({ sourceCidrs: ['10.20.0.0/16'] })).toEqual([
    "migration.sourcePorts is empty, so sourceCidrs opens nothing: list the source registry's port (e.g. [8081]) so sync, cutover, export and verify --source can reach it from the task",
  ]);
  expect(check({ sourcePorts: [8081] })).toEqual([
    'migration.sourceCidrs is empty, so sourcePorts opens nothing: list the source registry\'s network (e.g. ["10.20.0.0/16"]) so sync, cutover, export and verify --source can reach it from the task',
  ]);
  expect(check({ sourceCidrs: ['10.20.0.0/16', '0.0.0.0/0', '10.0.0.0/33'], sourcePorts: [8081, 8081, 70000] })).toEqual([
    "migration.sourceCidrs: '0.0.0.0/0' opens the task to every address; list the source registry's network instead",
    "migration.sourceCidrs: '10.0.0.0/33' is not an IPv4 CIDR like 10.20.0.0/16",
    'migration.sourcePorts: 70000 is not a TCP port (1 to 65535)',
    'migration.sourcePorts lists a port more than once',
  ]);
  expect(check({ sourceCidrs: ['10.20.0.0/16'], sourcePorts: [8081] })).toEqual([]);
});

test('source secret: a Secrets Manager ARN in the environment region', () => {
  expect(check({ sourceSecretArn: 'old-sr-credentials' })).toEqual([
    "migration.sourceSecretArn: 'old-sr-credentials' is not a Secrets Manager secret ARN (arn:aws:secretsmanager:<region>:<account>:secret:<name>)",
  ]);
  expect(check({ sourceSecretArn: 'arn:aws:secretsmanager:us-east-1:111111111111:secret:old-sr-AbCdEf' })).toEqual([
    'migration.sourceSecretArn: the secret is in us-east-1 but the task runs in eu-west-1; use a secret in eu-west-1',
  ]);
  expect(check({ sourceSecretArn: 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:old-sr-AbCdEf' })).toEqual([]);
});

test('mode check interval and alarm windows', () => {
  expect(check({ modeCheckIntervalMinutes: 0 })).toEqual(['migration.modeCheckIntervalMinutes must be a whole number from 1 to 60, got 0']);
  expect(
    check({
      modeCheckIntervalMinutes: 10,
      alarms: { notWritableMinutes: 5, allowedNotWritableScopes: -1, syncNoSuccessMinutes: 1, syncBehindMinutes: 2000 },
    }),
  ).toEqual([
    'migration.alarms.syncBehindMinutes must be a whole number of minutes from 1 to 1440 (one day), got 2000',
    'migration.alarms.notWritableMinutes (5) must be at least modeCheckIntervalMinutes (10): the alarm needs one check to see the registry',
    'migration.alarms.syncNoSuccessMinutes must be at least 2: a sync pass runs every 30 seconds and one slow pass is not a stall',
    'migration.alarms.allowedNotWritableScopes must be a whole number >= 0, got -1',
  ]);
});

test('-c overrides reach every field, including the optional source secret', () => {
  const config = applyOverrides(ENVIRONMENTS.prod, {
    'migration.enabled': 'false',
    'migration.sourceCidrs': '["10.20.0.0/16"]',
    'migration.sourcePorts': '[8081]',
    'migration.sourceSecretArn': 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:old-sr-AbCdEf',
    'migration.alarms.notWritableMinutes': '30',
  });
  expect(config.migration).toMatchObject({
    enabled: false,
    sourceCidrs: ['10.20.0.0/16'],
    sourcePorts: [8081],
    sourceSecretArn: 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:old-sr-AbCdEf',
    alarms: { notWritableMinutes: 30 },
  });
  expect(ENVIRONMENTS.prod.migration.enabled).toBe(true);
});
