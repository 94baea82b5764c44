import type { Service } from '@aws-sdk/client-ecs';
import { evaluateSteadiness, ServiceRolloutFailedError } from '../../../../lambda/handlers/seed/ecs-steady';

const steady: Service = {
  status: 'ACTIVE',
  desiredCount: 2,
  runningCount: 2,
  deployments: [{ status: 'PRIMARY', rolloutState: 'COMPLETED' }],
};

test.each<[string, Service, boolean]>([
  ['one completed PRIMARY deployment, running = desired', steady, true],
  ['no rollout state reported (no circuit breaker)', { ...steady, deployments: [{ status: 'PRIMARY' }] }, true],
  [
    'a second (ACTIVE) deployment still draining',
    { ...steady, deployments: [{ status: 'PRIMARY', rolloutState: 'COMPLETED' }, { status: 'ACTIVE' }] },
    false,
  ],
  ['rollout in progress', { ...steady, deployments: [{ status: 'PRIMARY', rolloutState: 'IN_PROGRESS' }] }, false],
  ['fewer tasks running than desired', { ...steady, runningCount: 1 }, false],
  ['desired count 0 (nothing will answer)', { ...steady, desiredCount: 0, runningCount: 0 }, false],
  ['service draining', { ...steady, status: 'DRAINING' }, false],
])('%s -> steady=%s', (_name, service, expected) => {
  expect(evaluateSteadiness(service).steady).toBe(expected);
});

test('a FAILED primary rollout throws with the reason', () => {
  const failed: Service = {
    ...steady,
    deployments: [{ status: 'PRIMARY', rolloutState: 'FAILED', rolloutStateReason: 'tasks failed to start' }],
  };
  expect(() => evaluateSteadiness(failed)).toThrow(ServiceRolloutFailedError);
  expect(() => evaluateSteadiness(failed)).toThrow("the service's deployment failed: tasks failed to start");
});

test('the detail names what was observed', () => {
  expect(evaluateSteadiness({ ...steady, runningCount: 1 }).detail).toBe(
    'status ACTIVE, 1 deployment(s), PRIMARY rollout COMPLETED, running 1 of 2',
  );
});
