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
   * Tasks started at deploy time; must lie within [minTasks, maxTasks].
   * @default 1 (dev), 2 (staging), 3 (prod)
   */
  readonly desiredTasks: number;

  /**
   * Lower autoscaling bound. Prod needs at least 2 so a task or AZ loss keeps the registry up.
   * @default 1 (dev), 2 (staging, prod)
   */
  readonly minTasks: number;

  /**
   * Upper autoscaling bound.
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
   * @default true (dev), false (staging, prod)
   */
  readonly enableExecuteCommand: boolean;

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
