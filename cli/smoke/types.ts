import type { SchemaRegistryApi } from '../../lambda/registry-client/api';
import type { RegisterSchemaRequest } from '../../lambda/registry-client/types';

/** What the smoke test needs from a registry: the engine's API plus the compatibility check and context removal. */
export type SmokeRegistry = Pick<
  SchemaRegistryApi,
  'displayUrl' | 'serverVersion' | 'getMode' | 'register' | 'getVersion' | 'getSchemaById' | 'deleteSubject'
> & {
  /** Undefined when the server has no compatibility endpoint. */
  testCompatibility(
    subject: string,
    version: number | 'latest',
    request: RegisterSchemaRequest,
  ): Promise<{ isCompatible: boolean; messages: string[] } | undefined>;
  /** False when there was nothing to delete (or the server cannot delete contexts). */
  deleteContext(context: string): Promise<boolean>;
};

export type SmokeStepStatus = 'passed' | 'failed' | 'skipped';

/** One step of the smoke test, as reported. */
export interface SmokeStep {
  readonly name: string;
  readonly status: SmokeStepStatus;
  /** Wall-clock duration in milliseconds. */
  readonly ms: number;
  /** What was checked or found; for a failure, the cause. */
  readonly detail: string;
}

export interface SmokeReport {
  readonly target: string;
  /** The dedicated context, e.g. `.sr-migrate-smoke`. */
  readonly context: string;
  /** The throwaway subject, qualified (`:.sr-migrate-smoke:smoke-…`). */
  readonly subject: string;
  /** True when every step passed or was skipped, and nothing was refused. */
  readonly ok: boolean;
  /** Why the smoke test did not write anything (a mode that forbids it). */
  readonly refused?: string;
  readonly steps: readonly SmokeStep[];
  /** After a failure: what the clean-up did, and what is left for the operator. */
  readonly cleanup?: string;
}

export interface SmokeOptions {
  /**
   * Dedicated context for the throwaway subject ("name" or ".name"; never the default context).
   * @default '.sr-migrate-smoke'
   */
  readonly context?: string;
  /**
   * Run even when the target (top level, `:.__GLOBAL:` or the smoke context) is in IMPORT mode.
   * Where the smoke context itself is in IMPORT the schema is registered with an explicit id.
   * @default false
   */
  readonly allowImportMode?: boolean;
  /** Test hooks: the subject suffix and the clock. */
  readonly runId?: string;
  readonly now?: () => number;
}
