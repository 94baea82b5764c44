import * as fs from 'node:fs';
import * as path from 'node:path';
import { IgnoreMode } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Platform } from 'aws-cdk-lib/aws-ecr-assets';

/** The repository root: the image's build context (`npm ci` needs the lock file, the CLI needs cli/ and lambda/). */
export const MIGRATION_IMAGE_CONTEXT = path.join(__dirname, '..', '..', '..');
/** The Dockerfile, relative to the context. */
export const MIGRATION_DOCKERFILE = 'docker/sr-migrate/Dockerfile';
/** Docker's per-Dockerfile ignore file: an allow-list of what the CLI needs. */
export const MIGRATION_DOCKERIGNORE = path.join(MIGRATION_IMAGE_CONTEXT, `${MIGRATION_DOCKERFILE}.dockerignore`);

/**
 * The patterns of docker/sr-migrate/Dockerfile.dockerignore. The CDK reads only a `.dockerignore`
 * at the context root, so the asset gets them as `exclude`: synth fingerprints and stages the
 * same small set of files Docker sends (never node_modules or cdk.out).
 */
export function migrationImageExcludes(file = MIGRATION_DOCKERIGNORE): string[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** The sr-migrate image, built by `cdk deploy` from this repository for linux/arm64. */
export function migrationImage(): ecs.ContainerImage {
  return ecs.ContainerImage.fromAsset(MIGRATION_IMAGE_CONTEXT, {
    file: MIGRATION_DOCKERFILE,
    platform: Platform.LINUX_ARM64,
    ignoreMode: IgnoreMode.DOCKER,
    exclude: migrationImageExcludes(),
  });
}
