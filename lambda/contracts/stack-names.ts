/**
 * Where an environment's stacks are: the stage id per environment (`cdk deploy 'Prod/*'`) and
 * the CloudFormation stack names the CDK derives from it (`Prod-Registry`). The CDK app builds
 * its stages from these ids (lib/stages/registry-stage.ts); `sr-migrate remote` finds the
 * Registry stack's outputs by name.
 */

/** Stage id per environment. */
export const STAGE_IDS = { dev: 'Dev', staging: 'Staging', prod: 'Prod' } as const;

/** An environment that has a stage. */
export type StageEnvironment = keyof typeof STAGE_IDS;

/** CloudFormation name of an environment's Registry stack: `<Stage>-Registry`, e.g. `Prod-Registry`. */
export function registryStackName(env: StageEnvironment): string {
  return `${STAGE_IDS[env]}-Registry`;
}

/** Output key of the registry URL (the one the registry-access Lambdas use) in the Registry stack. */
export const REGISTRY_URL_OUTPUT = 'RegistryUrl';
