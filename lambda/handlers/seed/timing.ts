import { SEED_ENV } from '../../contracts/seeding';

/**
 * Time budgets of the seeding resource. The Provider framework re-invokes isComplete every
 * query interval until `totalTimeout`; the handler keeps its own, slightly shorter deadline so
 * it can fail with a message naming what it was waiting for, instead of the framework's
 * generic "Operation timed out".
 */
export interface SeedTiming {
  /** How long a Create/Update may take in total, from onEvent. */
  readonly budgetMs: number;
  /** Time kept free at the end of each invocation (response, logs, a slow last request). */
  readonly invocationMarginMs: number;
  /** Share of an invocation's usable time the import slice may use; the rest is for verify. */
  readonly importShare: number;
  /** Cap on writes per slice (tests and very slow targets); undefined means bounded by time only. */
  readonly maxWritesPerSlice?: number;
}

/** The construct sets SEED_TIMEOUT_SECONDS a little below the Provider's totalTimeout. */
export function seedTimingFromEnv(env: NodeJS.ProcessEnv = process.env): SeedTiming {
  return {
    budgetMs: positiveNumber(env[SEED_ENV.timeoutSeconds], 48 * 60) * 1000,
    invocationMarginMs: positiveNumber(env[SEED_ENV.invocationMarginSeconds], 30) * 1000,
    importShare: 0.6,
    maxWritesPerSlice: env[SEED_ENV.maxWritesPerSlice] ? positiveNumber(env[SEED_ENV.maxWritesPerSlice], 0) || undefined : undefined,
  };
}

/** When the current import slice must stop: the earlier of the invocation's share and the overall deadline. */
export function importSliceDeadline(now: number, remainingMs: number, overallDeadline: number, timing: SeedTiming): number {
  const usable = Math.max(0, remainingMs - timing.invocationMarginMs);
  return Math.min(now + usable * timing.importShare, overallDeadline);
}

/**
 * Whether enough of this invocation is left to verify now rather than on the next poll: at
 * least half of the share reserved for verify (a slice that overran its deadline leaves less).
 */
export function hasTimeToVerify(remainingMs: number, startRemainingMs: number, timing: SeedTiming): boolean {
  const reserved = (startRemainingMs - timing.invocationMarginMs) * (1 - timing.importShare);
  return remainingMs - timing.invocationMarginMs >= reserved / 2;
}

function positiveNumber(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
}
