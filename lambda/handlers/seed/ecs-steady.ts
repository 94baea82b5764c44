import { DescribeServicesCommand, type ECSClient, type Service } from '@aws-sdk/client-ecs';

/** Whether an ECS service has finished rolling out, with a reason fit for a log or an error message. */
export interface ServiceSteadiness {
  readonly steady: boolean;
  /** What was observed, e.g. "2 deployments, PRIMARY rollout IN_PROGRESS, running 1 of 2". */
  readonly detail: string;
}

/** The service's rollout failed (circuit breaker): waiting longer cannot help. */
export class ServiceRolloutFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ServiceRolloutFailedError';
  }
}

/**
 * Steady means what `aws ecs wait services-stable` means, plus the rollout state: exactly one
 * deployment, it is the PRIMARY one, its rollout is COMPLETED (when the service reports one),
 * and running == desired > 0. Throws `ServiceRolloutFailedError` when the PRIMARY rollout FAILED.
 */
export function evaluateSteadiness(service: Service): ServiceSteadiness {
  const deployments = service.deployments ?? [];
  const primary = deployments.filter((d) => d.status === 'PRIMARY');
  const rollout = primary[0]?.rolloutState;
  const running = service.runningCount ?? 0;
  const desired = service.desiredCount ?? 0;
  const detail =
    `status ${service.status ?? 'unknown'}, ${deployments.length} deployment(s), ` +
    `PRIMARY rollout ${rollout ?? 'not reported'}, running ${running} of ${desired}`;

  if (rollout === 'FAILED') {
    const reason = primary[0]?.rolloutStateReason ? `: ${primary[0].rolloutStateReason}` : '';
    throw new ServiceRolloutFailedError(`the service's deployment failed${reason}`);
  }
  const steady =
    service.status === 'ACTIVE' &&
    deployments.length === 1 &&
    primary.length === 1 &&
    (rollout === undefined || rollout === 'COMPLETED') &&
    desired > 0 &&
    running === desired;
  return { steady, detail };
}

/** Describes one service and evaluates it. A missing or inactive service is an error, not "not yet". */
export async function describeServiceSteadiness(ecs: ECSClient, cluster: string, service: string): Promise<ServiceSteadiness> {
  const answer = await ecs.send(new DescribeServicesCommand({ cluster, services: [service] }));
  const found = answer.services?.[0];
  if (!found) {
    const failure = answer.failures?.[0];
    const reason = failure?.reason ? ` (${failure.reason})` : '';
    throw new Error(`ECS service ${service} was not found in cluster ${cluster}${reason}; check the EcsCluster/EcsService properties`);
  }
  return evaluateSteadiness(found);
}
