import type { EnvironmentConfig } from '../environment-config';
import { describeFargateMemory, FARGATE_CPU_VALUES, validFargateMemory } from './fargate';
import { isPositiveInteger } from './formats';

/** Problems in `service` (Fargate size, task counts, scaling targets, Spot, logs). */
export function validateService(config: EnvironmentConfig): string[] {
  const { service, name } = config;
  const problems: string[] = [];
  const memoryOptions = validFargateMemory(service.cpu);
  if (memoryOptions.length === 0) {
    problems.push(`service.cpu: ${service.cpu} is not a Fargate CPU value; use one of ${FARGATE_CPU_VALUES.join(', ')}`);
  } else if (!memoryOptions.includes(service.memoryMiB)) {
    problems.push(
      `service.cpu/memoryMiB: ${service.cpu}/${service.memoryMiB} is not a valid Fargate pair; ` +
        `valid memory for ${service.cpu} CPU: ${describeFargateMemory(service.cpu)}`,
    );
  }
  const counts = { desiredTasks: service.desiredTasks, minTasks: service.minTasks, maxTasks: service.maxTasks };
  const badCounts = Object.entries(counts).filter(([, v]) => !Number.isInteger(v) || v < 0);
  for (const [field, value] of badCounts) problems.push(`service.${field}: ${value} must be a whole number of tasks`);
  if (badCounts.length === 0) {
    if (service.maxTasks < 1) problems.push(`service.maxTasks: ${service.maxTasks} must be at least 1`);
    if (service.minTasks > service.maxTasks) {
      problems.push(`service.minTasks/maxTasks: min ${service.minTasks} is greater than max ${service.maxTasks}`);
    } else if (service.desiredTasks < service.minTasks || service.desiredTasks > service.maxTasks) {
      problems.push(
        `service.desiredTasks: ${service.desiredTasks} is outside [minTasks, maxTasks] = [${service.minTasks}, ${service.maxTasks}]`,
      );
    }
    if (name === 'prod' && (service.minTasks < 2 || service.desiredTasks < 2)) {
      problems.push(
        `service.minTasks/desiredTasks: prod needs at least 2 tasks (got min ${service.minTasks}, desired ${service.desiredTasks}) so one task or AZ can fail`,
      );
    }
  }
  if (!(service.cpuTargetPercent >= 10 && service.cpuTargetPercent <= 90)) {
    problems.push(`service.cpuTargetPercent: ${service.cpuTargetPercent} must be between 10 and 90`);
  }
  if (!isPositiveInteger(service.requestsPerTarget)) {
    problems.push(`service.requestsPerTarget: ${service.requestsPerTarget} must be a positive whole number`);
  }
  if (name === 'prod' && service.useSpot) {
    problems.push('service.useSpot: prod must not run on FARGATE_SPOT (tasks can be reclaimed with 2 minutes notice)');
  }
  if (!isPositiveInteger(service.logRetentionDays)) {
    problems.push(`service.logRetentionDays: ${service.logRetentionDays} must be a positive whole number of days`);
  }
  if (!(Number.isInteger(service.healthCheckGracePeriodSeconds) && service.healthCheckGracePeriodSeconds >= 0)) {
    problems.push(`service.healthCheckGracePeriodSeconds: ${service.healthCheckGracePeriodSeconds} must be a whole number >= 0`);
  }
  return problems;
}
