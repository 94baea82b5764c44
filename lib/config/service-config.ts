import type { EnvironmentName } from './environment-name';
import { describeFargateMemory, FARGATE_CPU_VALUES, validFargateMemory } from './validation/fargate';
import { isPositiveInteger } from './validation/formats';

/**
 * Sizing and runtime behaviour of the Fargate service that runs the registry.
 */
export interface ServiceConfig {
  /**
   * Task CPU units (256, 512, 1024, 2048, 4096, 8192 or 16384).
   * @default 512 (dev), 1024 (staging, prod)
   */
  readonly cpu: number;

  /**
   * Task memory in MiB; must be a valid Fargate pair with `cpu`.
   * @default 1024 (dev), 2048 (staging), 4096 (prod)
   */
  readonly memoryMiB: number;

  /**
   * Lower autoscaling bound: the default of the Registry stack's `MinTasks` parameter. Prod needs
   * at least 2 so a task or AZ loss keeps the registry up. Autoscaling owns the running count:
   * the template sets no desired count, so a deploy never resets it.
   * @default 1 (dev), 2 (staging, prod)
   */
  readonly minTasks: number;

  /**
   * Upper autoscaling bound: the default of the Registry stack's `MaxTasks` parameter (at most
   * MAX_TASK_COUNT).
   * @default 2 (dev), 4 (staging), 6 (prod)
   */
  readonly maxTasks: number;

  /**
   * Average CPU utilization (percent) the service scales to.
   * @default 60
   */
  readonly cpuTargetPercent: number;

  /**
   * ALB requests per target (per minute) the service scales to.
   * @default 1000
   */
  readonly requestsPerTarget: number;

  /**
   * Run part of the tasks on FARGATE_SPOT (one on-demand task is always kept as base).
   * Not allowed in prod.
   * @default true (dev, staging), false (prod)
   */
  readonly useSpot: boolean;

  /**
   * Allow `aws ecs execute-command` into running tasks (grants the SSM channel permissions).
   * ECS Exec needs a writable root filesystem, so with it the container's root filesystem stays
   * writable (the Control Tower control CT.ECS.PR.6 fails); not allowed in prod.
   * @default true (dev), false (staging, prod)
   */
  readonly enableExecuteCommand: boolean;

  /**
   * CloudWatch Container Insights level of the ECS cluster. `standard` is what AWS Control Tower's
   * CT.ECS.PR.2 accepts (`containerInsights=enabled`); `enhanced` adds task- and container-level
   * metrics at a higher cost but fails that control.
   * @default 'standard'
   */
  readonly containerInsights: 'standard' | 'enhanced';

  /**
   * Days to keep the registry's container logs.
   * @default 30 (dev), 90 (staging), 365 (prod)
   */
  readonly logRetentionDays: number;

  /**
   * Seconds the load balancer health check is ignored after a task starts
   * (the JVM plus the `_schemas` catch-up take a while).
   * @default 120
   */
  readonly healthCheckGracePeriodSeconds: number;
}

/**
 * Ceiling of `minTasks`/`maxTasks` and of the stack parameters that override them: far above what
 * a registry (reads served from memory) needs, low enough to catch a typo like MaxTasks=80.
 */
export const MAX_TASK_COUNT = 20;

/** Lowest allowed `minTasks` (and `MinTasks` parameter) of an environment. */
export function minTaskFloor(name: EnvironmentName): number {
  return name === 'prod' ? 2 : 1;
}

/** Problems in `service` (Fargate size, task counts, scaling targets, Spot, logs). */
export function validateServiceConfig(service: ServiceConfig, name: EnvironmentName): string[] {
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
  problems.push(...taskCountProblems(service, name));
  if (!(service.cpuTargetPercent >= 10 && service.cpuTargetPercent <= 90)) {
    problems.push(`service.cpuTargetPercent: ${service.cpuTargetPercent} must be between 10 and 90`);
  }
  if (!isPositiveInteger(service.requestsPerTarget)) {
    problems.push(`service.requestsPerTarget: ${service.requestsPerTarget} must be a positive whole number`);
  }
  if (name === 'prod' && service.enableExecuteCommand) {
    problems.push(
      'service.enableExecuteCommand: prod runs the container with a read-only root filesystem (Control Tower CT.ECS.PR.6), which ECS Exec does not support; set it to false',
    );
  }
  if (name === 'prod' && service.useSpot) {
    problems.push('service.useSpot: prod must not run on FARGATE_SPOT (tasks can be reclaimed with 2 minutes notice)');
  }
  if (service.containerInsights !== 'standard' && service.containerInsights !== 'enhanced') {
    problems.push(`service.containerInsights: '${String(service.containerInsights)}' must be 'standard' or 'enhanced'`);
  }
  if (!isPositiveInteger(service.logRetentionDays)) {
    problems.push(`service.logRetentionDays: ${service.logRetentionDays} must be a positive whole number of days`);
  }
  if (!(Number.isInteger(service.healthCheckGracePeriodSeconds) && service.healthCheckGracePeriodSeconds >= 0)) {
    problems.push(`service.healthCheckGracePeriodSeconds: ${service.healthCheckGracePeriodSeconds} must be a whole number >= 0`);
  }
  return problems;
}

function taskCountProblems(service: ServiceConfig, name: EnvironmentName): string[] {
  const problems: string[] = [];
  const counts = { minTasks: service.minTasks, maxTasks: service.maxTasks };
  const badCounts = Object.entries(counts).filter(([, v]) => !Number.isInteger(v) || v < 1 || v > MAX_TASK_COUNT);
  for (const [field, value] of badCounts) {
    problems.push(`service.${field}: ${value} must be a whole number of tasks from 1 to ${MAX_TASK_COUNT}`);
  }
  if (badCounts.length > 0) return problems;
  if (service.minTasks > service.maxTasks) {
    problems.push(`service.minTasks/maxTasks: min ${service.minTasks} is greater than max ${service.maxTasks}`);
  }
  if (service.minTasks < minTaskFloor(name)) {
    problems.push(`service.minTasks: prod needs at least ${minTaskFloor(name)} tasks (got ${service.minTasks}) so one task or AZ can fail`);
  }
  return problems;
}
