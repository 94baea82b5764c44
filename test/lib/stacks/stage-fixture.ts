import { Template } from 'aws-cdk-lib/assertions';
import { ENVIRONMENTS, type EnvironmentConfig, type EnvironmentName } from '../../../lib/config';
import { RegistryStage, STAGE_IDS } from '../../../lib/stages/registry-stage';
import { testApp } from '../../helpers/app';

/** A synthesized stage and its three templates. */
export interface SynthesizedStage {
  readonly stage: RegistryStage;
  readonly network: Template;
  readonly data: Template;
  readonly registry: Template;
  readonly monitoring: Template;
}

/** Deep-merges `patch` into a copy of an environment's config (arrays and scalars replace). */
export function configWith(name: EnvironmentName, patch: DeepPartial<EnvironmentConfig> = {}): EnvironmentConfig {
  return merge(
    structuredClone(ENVIRONMENTS[name]) as unknown as Record<string, unknown>,
    patch as Record<string, unknown>,
  ) as unknown as EnvironmentConfig;
}

/** Builds one stage in a fresh test app (feature flags from cdk.json, bundling skipped). */
export function synthStage(config: EnvironmentConfig): SynthesizedStage {
  const app = testApp();
  const stage = new RegistryStage(app, STAGE_IDS[config.name], { config });
  return {
    stage,
    network: Template.fromStack(stage.network),
    data: Template.fromStack(stage.data),
    registry: Template.fromStack(stage.registry),
    monitoring: Template.fromStack(stage.monitoring),
  };
}

const cache = new Map<EnvironmentName, SynthesizedStage>();

/** The committed environment's stage, synthesized once per test file. */
export function defaultStage(name: EnvironmentName): SynthesizedStage {
  if (!cache.has(name)) cache.set(name, synthStage(ENVIRONMENTS[name]));
  return cache.get(name)!;
}

export type DeepPartial<T> = { [K in keyof T]?: T[K] extends (infer U)[] ? U[] : T[K] extends object ? DeepPartial<T[K]> : T[K] };

function merge(target: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  for (const [key, value] of Object.entries(patch)) {
    const current = target[key];
    if (value && typeof value === 'object' && !Array.isArray(value) && current && typeof current === 'object' && !Array.isArray(current)) {
      merge(current as Record<string, unknown>, value as Record<string, unknown>);
    } else {
      target[key] = value;
    }
  }
  return target;
}
