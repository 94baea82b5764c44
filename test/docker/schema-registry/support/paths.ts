import * as path from 'node:path';

/** docker/schema-registry, the build context of the image. */
export const IMAGE_DIR = path.resolve(__dirname, '../../../../docker/schema-registry');
export const ENTRYPOINT = path.join(IMAGE_DIR, 'entrypoint.sh');
/** The parts entrypoint.sh sources. */
export const ENTRYPOINT_PARTS_DIR = path.join(IMAGE_DIR, 'entrypoint.d');
export const DOCKERFILE = path.join(IMAGE_DIR, 'Dockerfile');
export const ENV_CONTRACT = path.join(IMAGE_DIR, 'env-contract.json');

/** Shape of docker/schema-registry/env-contract.json. */
export interface EnvContract {
  readonly port: number;
  readonly healthPath: string;
  readonly kafkaAuthModes: string[];
  /** `uid:gid` the task definition runs the container as. */
  readonly runAsUser: string;
  /** The only paths the container may write, by volume name (the root filesystem is read-only). */
  readonly writableVolumes: { config: string; secrets: string; tmp: string; logs: string };
  readonly environment: Record<string, string>;
  readonly secrets: Record<string, string>;
  /** Docker build args the CDK asset passes to the Dockerfile. */
  readonly imageBuildArgs: { cpVersion: string; mskIamAuthVersion: string; mskIamAuthSha256: string };
}
