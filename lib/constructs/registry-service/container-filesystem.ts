import type * as ecs from 'aws-cdk-lib/aws-ecs';
import { WRITABLE_VOLUMES } from './env-contract';

/**
 * Gives the container a task volume (Fargate ephemeral storage) at each path the image writes:
 * /etc/schema-registry (rendered properties) and its secrets/ directory, /tmp (JVM, shell) and
 * /usr/logs (the launcher's LOG_DIR). The paths equal the image's VOLUME entries, so Fargate copies
 * the image's files, owner and mode into each volume before the container starts; the root stays
 * read-only. Parents come before children in the contract, so they are mounted first.
 */
export function addWritableVolumes(taskDefinition: ecs.TaskDefinition, container: ecs.ContainerDefinition): void {
  for (const [name, containerPath] of Object.entries(WRITABLE_VOLUMES)) {
    const volume = `schema-registry-${name}`;
    taskDefinition.addVolume({ name: volume });
    container.addMountPoints({ sourceVolume: volume, containerPath, readOnly: false });
  }
}
