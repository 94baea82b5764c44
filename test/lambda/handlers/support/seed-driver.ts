import type { CdkCustomResourceEvent, CdkCustomResourceResponse } from 'aws-lambda';
import { isComplete, onEvent } from '../../../../lambda/handlers/seed';

/** A Lambda context whose remaining time never runs down (slices are forced with maxWrites). */
export const lambdaContext = (remainingMs = 10 * 60 * 1000) => ({ getRemainingTimeInMillis: () => remainingMs });

const BASE = {
  ServiceToken: 'arn:aws:lambda:eu-west-1:111111111111:function:provider',
  ResponseURL: 'https://cloudformation-custom-resource-response.example/presigned',
  StackId: 'arn:aws:cloudformation:eu-west-1:111111111111:stack/Dev-Registry/abc',
  RequestId: 'req-1',
  LogicalResourceId: 'SeedingResource',
  ResourceType: 'Custom::SchemaRegistrySeed',
};

export function createEvent(props: Record<string, string>): CdkCustomResourceEvent {
  return { ...BASE, RequestType: 'Create', ResourceProperties: { ServiceToken: BASE.ServiceToken, ...props } } as CdkCustomResourceEvent;
}

export function updateEvent(props: Record<string, string>, oldProps: Record<string, string>): CdkCustomResourceEvent {
  return {
    ...BASE,
    RequestType: 'Update',
    PhysicalResourceId: 'schema-registry-seed',
    ResourceProperties: { ServiceToken: BASE.ServiceToken, ...props },
    OldResourceProperties: { ServiceToken: BASE.ServiceToken, ...oldProps },
  } as CdkCustomResourceEvent;
}

export function deleteEvent(props: Record<string, unknown>): CdkCustomResourceEvent {
  return {
    ...BASE,
    RequestType: 'Delete',
    PhysicalResourceId: 'schema-registry-seed',
    ResourceProperties: { ServiceToken: BASE.ServiceToken, ...props },
  } as CdkCustomResourceEvent;
}

export interface DriveResult {
  readonly onEventResult: CdkCustomResourceResponse;
  readonly polls: number;
  readonly data: Record<string, string>;
}

/**
 * Does what the Provider framework does: onEvent, then isComplete with onEvent's fields
 * merged in, repeated until complete (or `maxPolls`), Data merged like the framework merges it.
 */
export async function driveSeeding(event: CdkCustomResourceEvent, maxPolls = 50, remainingMs?: number): Promise<DriveResult> {
  const onEventResult = await onEvent(event);
  const request = { ...event, ...onEventResult };
  for (let poll = 1; poll <= maxPolls; poll++) {
    const answer = await isComplete(request as never, lambdaContext(remainingMs));
    if (answer.IsComplete) {
      const data = { ...(onEventResult.Data ?? {}), ...('Data' in answer ? (answer.Data ?? {}) : {}) } as Record<string, string>;
      return { onEventResult, polls: poll, data };
    }
  }
  throw new Error(`seeding did not complete within ${maxPolls} polls`);
}
