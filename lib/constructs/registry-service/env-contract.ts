import contract from '../../../docker/schema-registry/env-contract.json';

/**
 * The environment contract shared with docker/schema-registry/entrypoint.sh. Variable names
 * are read from the JSON, never retyped, so both sides change together.
 */
export const ENV_CONTRACT = contract;

/** Names of non-secret variables the task definition sets in `environment`. */
export const ENV = contract.environment;

/** Names of variables the task definition injects through `secrets`. */
export const SECRET_ENV = contract.secrets;

/** Port the registry listens on inside the task. */
export const REGISTRY_PORT: number = contract.port;

/** Path the load balancer and container health checks probe. */
export const HEALTH_PATH: string = contract.healthPath;

/** Build-arg names of docker/schema-registry/Dockerfile. */
export const IMAGE_BUILD_ARGS = contract.imageBuildArgs;

/** `uid:gid` the container runs as: the image's appuser (the Dockerfile checks it). */
export const RUN_AS_USER: string = contract.runAsUser;

/** The only paths the container writes, by volume name; everything else is read-only. */
export const WRITABLE_VOLUMES: Readonly<Record<string, string>> = contract.writableVolumes;
