import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { ECSClient } from '@aws-sdk/client-ecs';
import type {
  CdkCustomResourceEvent,
  CdkCustomResourceIsCompleteEvent,
  CdkCustomResourceIsCompleteResponse,
  CdkCustomResourceResponse,
  Context,
} from 'aws-lambda';
import { LEDGER_NAME, MIGRATION_ENV } from '../contracts/migration-state';
import { importExport, ImportConflictError } from '../migration/import';
import { expectedStateOf, verifyRegistry, type VerifyDifference } from '../migration/verify';
import { describeServiceSteadiness, ServiceRolloutFailedError } from './seed/ecs-steady';
import { capReason, errorMessage, logEvent } from './log';
import { openAdminRegistry } from './open-admin-registry';
import { probeRegistry } from './seed/registry-ready';
import { loadSeedExport } from './seed/load-export';
import { isSameSeeding, parseSeedProperties, type SeedProperties } from './seed/properties';
import { hasTimeToVerify, importSliceDeadline, seedTimingFromEnv } from './seed/timing';
import { isStackRollingBack } from './seed/stack-status';
import { seedAttributes, unchangedAttributes, type SeedAttributes } from './seed/attributes';

/**
 * Seeding custom resource (docs/architecture.md §7), for `custom_resources.Provider` with `isComplete`.
 *
 * onEvent validates the request and the export (so a bad export fails in seconds), and hands
 * isComplete its deadline. isComplete, polled by the framework, waits for the ECS service to be
 * steady and the registry to answer, then imports in slices bounded by the invocation's
 * remaining time; each slice re-plans from the target's state, so no state is kept between
 * polls. When the import is complete it verifies the target against the export.
 *
 * Delete never touches the registry and never fails: seeded schemas are data, and a throwing
 * Delete would block stack deletion and rollbacks. For the same reason the Update that
 * CloudFormation sends while rolling back a failed update does nothing.
 */

/** Constant, so an Update never turns into a replacement (and a Delete of the old id). */
export const SEED_PHYSICAL_RESOURCE_ID = 'schema-registry-seed';

/** Fields onEvent adds to the request the framework passes to every isComplete poll. */
interface SeedHandoff {
  /** Epoch milliseconds after which isComplete gives up with a message naming the phase. */
  readonly SeedDeadline?: string;
  /** The trailer sha256 of the export onEvent validated: isComplete seeds exactly that content. */
  readonly SeedExportSha256?: string;
  /** "true" when the Update asked for exactly the previous seeding: nothing to do. */
  readonly SeedUnchanged?: string;
}

let ecsClient: ECSClient | undefined;
const ecs = (): ECSClient => (ecsClient ??= new ECSClient({}));
let cloudformationClient: CloudFormationClient | undefined;
const cloudformation = (): CloudFormationClient => (cloudformationClient ??= new CloudFormationClient({}));

export async function onEvent(event: CdkCustomResourceEvent, _context?: Context): Promise<CdkCustomResourceResponse & SeedHandoff> {
  if (event.RequestType === 'Delete') {
    logEvent('seed.delete', { physicalResourceId: event.PhysicalResourceId, note: 'the registry is left as it is' });
    return { PhysicalResourceId: event.PhysicalResourceId || SEED_PHYSICAL_RESOURCE_ID };
  }

  const props = parseSeedProperties(event.ResourceProperties);
  if (event.RequestType === 'Update') {
    const unchanged = isSameSeeding(event.OldResourceProperties, props);
    if (unchanged || (await rollingBack(event.StackId))) {
      logEvent(unchanged ? 'seed.unchanged' : 'seed.rollback', {
        exportSha256: props.exportSha256,
        registryUrl: props.registryUrl,
        note: 'nothing is written; the registry keeps what it holds',
      });
      return { PhysicalResourceId: SEED_PHYSICAL_RESOURCE_ID, SeedUnchanged: 'true', Data: unchangedAttributes(props) };
    }
  }

  // Fail fast on a missing, truncated, tampered or replaced export: before any waiting.
  const loaded = await loadSeedExport(props, { fresh: true });
  const timing = seedTimingFromEnv();
  logEvent('seed.start', {
    requestType: event.RequestType,
    export: `s3://${props.exportBucket}/${props.exportKey}`,
    exportSha256: loaded.trailer.sha256,
    subjectVersions: loaded.schemas.length,
    registryUrl: props.registryUrl,
    budgetSeconds: timing.budgetMs / 1000,
  });
  return {
    PhysicalResourceId: SEED_PHYSICAL_RESOURCE_ID,
    SeedDeadline: String(Date.now() + timing.budgetMs),
    SeedExportSha256: loaded.trailer.sha256,
  };
}

export async function isComplete(
  event: CdkCustomResourceIsCompleteEvent & SeedHandoff,
  context: Pick<Context, 'getRemainingTimeInMillis'>,
): Promise<CdkCustomResourceIsCompleteResponse<SeedAttributes>> {
  if (event.RequestType === 'Delete' || event.SeedUnchanged === 'true') return { IsComplete: true };

  const startRemaining = context.getRemainingTimeInMillis();
  const timing = seedTimingFromEnv();
  const props = parseSeedProperties(event.ResourceProperties);
  const deadline = Number(event.SeedDeadline) || Date.now() + timing.budgetMs;
  const budgetMinutes = Math.round(timing.budgetMs / 60000);

  const waiting = await waitingFor(props);
  if (waiting !== undefined) {
    if (Date.now() >= deadline) {
      throw new Error(capReason(`Seeding gave up after ${budgetMinutes} min: ${waiting}`));
    }
    logEvent('seed.waiting', { waiting });
    return { IsComplete: false };
  }

  // The export onEvent validated, from memory when this container already holds it.
  const loaded = await loadSeedExport(props, { expectedSha256: event.SeedExportSha256 });
  const api = await openAdminRegistry(props.registryUrl, props.adminSecretArn);
  try {
    const sliceEnd = importSliceDeadline(Date.now(), startRemaining, deadline, timing);
    let result;
    try {
      result = await importExport(api, loaded, {
        ...ledgerOption(),
        deadline: sliceEnd,
        maxWrites: timing.maxWritesPerSlice,
        log: (line: string) => logEvent('seed.import', { line }),
      });
    } catch (error) {
      if (error instanceof ImportConflictError) {
        throw new Error(capReason(`Seeding refused, nothing was written: ${error.message}`));
      }
      throw error;
    }
    logEvent('seed.slice', { complete: result.complete, written: result.written, skipped: result.skipped });

    if (!result.complete) {
      if (Date.now() >= deadline) {
        throw new Error(
          capReason(
            `Seeding did not finish within ${budgetMinutes} min (the import is resumable, the target keeps what was written). ` +
              'The registry is too large for the deploy window: import it with `sr-migrate import` from inside the VPC (see the runbook), then redeploy.',
          ),
        );
      }
      return { IsComplete: false };
    }
    // A slice that finished near its deadline leaves verify to the next poll (which re-plans to zero writes).
    if (!hasTimeToVerify(context.getRemainingTimeInMillis(), startRemaining, timing) && Date.now() < deadline) {
      return { IsComplete: false };
    }

    const report = await verifyRegistry(api, expectedStateOf(loaded));
    if (!report.ok) {
      throw new Error(
        capReason(`Seeding wrote the export but verify found ${report.differences.length} difference(s): ${summarize(report.differences)}`),
      );
    }
    const data = seedAttributes(loaded, result);
    logEvent('seed.complete', { ...data });
    return { IsComplete: true, Data: data };
  } finally {
    api.close();
  }
}

/** Whether the stack is rolling back; if that cannot be told, seed as for a normal Update. */
async function rollingBack(stackId: string): Promise<boolean> {
  try {
    return await isStackRollingBack(cloudformation(), stackId);
  } catch (error) {
    logEvent('seed.stack-status-unavailable', { reason: errorMessage(error) });
    return false;
  }
}

/** What seeding still waits for (service rollout, registry answer), or undefined when ready. */
async function waitingFor(props: SeedProperties): Promise<string | undefined> {
  if (props.ecsCluster && props.ecsService) {
    try {
      const steadiness = await describeServiceSteadiness(ecs(), props.ecsCluster, props.ecsService);
      if (!steadiness.steady) {
        return `ECS service ${props.ecsService} in cluster ${props.ecsCluster} is not steady (${steadiness.detail})`;
      }
    } catch (error) {
      if (error instanceof ServiceRolloutFailedError) {
        throw new Error(capReason(`Cannot seed: ECS service ${props.ecsService} in cluster ${props.ecsCluster}: ${error.message}`));
      }
      throw new Error(capReason(`Cannot seed: describing ECS service ${props.ecsService} failed: ${errorMessage(error)}`));
    }
  }
  const probe = await probeRegistry(props.registryUrl);
  if (!probe.answered) return `the registry at ${props.registryUrl} does not answer GET / (${probe.detail})`;
  return undefined;
}

function summarize(differences: readonly VerifyDifference[]): string {
  const listed = differences.slice(0, 5).map((d) => d.message);
  if (differences.length > listed.length) listed.push(`and ${differences.length - listed.length} more`);
  return listed.join('; ');
}

/** The ownership ledger under the migration state location the construct sets (none: no ledger). */
function ledgerOption(env: NodeJS.ProcessEnv = process.env): { ledgerLocation?: string } {
  const state = env[MIGRATION_ENV.stateDir];
  return state ? { ledgerLocation: `${state.endsWith('/') ? state : `${state}/`}${LEDGER_NAME}` } : {};
}
