import * as path from 'node:path';

/** docker/schema-registry, the build context of the image. */
export const IMAGE_DIR = path.resolve(__dirname, '../../../../docker/schema-registry');
export const ENTRYPOINT = path.join(IMAGE_DIR, 'entrypoint.sh');
export const DOCKERFILE = path.join(IMAGE_DIR, 'Dockerfile');
export const ENV_CONTRACT = path.join(IMAGE_DIR, 'env-contract.json');

/** Shape of docker/schema-registry/env-contract.json. */
export interface EnvContract {
  readonly port: number;
  readonly healthPath: string;
  readonly kafkaAuthModes: string[];
  readonly environment: Record<string, string>;
  readonly secrets: Record<string, string>;
  /** Docker build args the CDK asset passes to the Dockerfile. */
  readonly imageBuildArgs: { cpVersion: string; mskIamAuthVersion: string; mskIamAuthSha256: string };
}
