import type { EnvironmentConfig } from '../environment-config';
import { isPositiveInteger } from './formats';

/** Problems in `data` (retention, removal policy, termination protection). */
export function validateData(config: EnvironmentConfig): string[] {
  const { data, name } = config;
  const problems: string[] = [];
  if (data.removalPolicy !== 'retain' && data.removalPolicy !== 'destroy') {
    problems.push(`data.removalPolicy: '${String(data.removalPolicy)}' must be 'retain' or 'destroy'`);
  }
  if (name === 'prod' && data.removalPolicy !== 'retain') {
    problems.push("data.removalPolicy: prod must be 'retain' (schemas, backups and the admin secret must survive a stack deletion)");
  }
  if (name === 'prod' && !data.terminationProtection) {
    problems.push('data.terminationProtection: prod must enable termination protection on the stateful stack');
  }
  for (const field of ['noncurrentVersionRetentionDays', 'accessLogRetentionDays'] as const) {
    if (!isPositiveInteger(data[field])) problems.push(`data.${field}: ${data[field]} must be a positive whole number of days`);
  }
  return problems;
}
