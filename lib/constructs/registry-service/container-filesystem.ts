import type * as ecs from 'aws-cdk-lib/aws-ecs';
import { WRITABLE_VOLUMES } from './env-contract';

/**
 * Gives the container a task volume (Fargate ephemeral storage) at each path the image writes:
 * /etc/schema-registry (rendered properties, secrets), /tmp (JVM, shell) and /usr/logs (the
 * launcher's LOG_DIR). The paths equal the image's VOLUME entries, so Fargate copies the image's
 * files and owner into each volume before the container starts; the root stays read-only.
 */
export function addWritableVolumes(taskDefinition: ecs.TaskDefinition, container: ecs.ContainerDefinition): void {
  for (const [name, containerPath] of Object.entries(WRITABLE_VOLUMES)) {
    const volume = `schema-registry-${name}`;
    taskDefinition.addVolume({ name: volume });
    container.addMountPoints({ sourceVolume: volume, containerPath, readOnly: false });
  }
}
