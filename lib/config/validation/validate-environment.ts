import type { EnvironmentConfig } from '../environment-config';
import { ENVIRONMENT_NAMES } from '../environment-config';
import { isAccountId, isRegion } from './formats';

/** Problems in the top-level fields (name, account, region). */
export function validateEnvironment(config: EnvironmentConfig): string[] {
  const problems: string[] = [];
  if (!ENVIRONMENT_NAMES.includes(config.name)) {
    problems.push(`name: '${String(config.name)}' must be one of ${ENVIRONMENT_NAMES.join(', ')}`);
  }
  if (config.account !== undefined && !isAccountId(config.account)) {
    problems.push(`account: '${config.account}' is not a 12-digit AWS account id`);
  }
  if (!isRegion(config.region)) {
    problems.push(`region: '${config.region}' is not an AWS region like eu-west-1`);
  }
  return problems;
}
