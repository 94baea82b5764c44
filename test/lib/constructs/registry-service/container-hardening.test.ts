import type { Template } from 'aws-cdk-lib/assertions';
import contract from '../../../../docker/schema-registry/env-contract.json';
import { defaultStage } from '../../stacks/stage-fixture';

/** The Schema Registry task definition of a Registry stack (the stack also holds the migration task). */
function taskDefinition(template: Template): Record<string, any> {
  const defs = Object.values(template.findResources('AWS::ECS::TaskDefinition')).filter((def) =>
    def.Properties.ContainerDefinitions.some((c: { Name: string }) => c.Name === 'SchemaRegistry'),
  );
  expect(defs).toHaveLength(1);
  return defs[0].Properties;
}

const volumes = Object.entries(contract.writableVolumes);

describe('registry container hardening (prod)', () => {
  const task = taskDefinition(defaultStage('prod').registry);
  const [container] = task.ContainerDefinitions;

  test('runs as the image user, numerically and not root (CT.ECS.PR.3)', () => {
    expect(container.User).toBe(contract.runAsUser);
    expect(container.User).toMatch(/^[1-9]\d*:[1-9]\d*$/);
  });

  test('has a read-only root filesystem (CT.ECS.PR.6)', () => {
    expect(container.ReadonlyRootFilesystem).toBe(true);
  });

  test('has a hard memory limit equal to the task memory (CT.ECS.PR.7)', () => {
    expect(container.Memory).toBe(Number(task.Memory));
    expect(container.Memory).toBeGreaterThanOrEqual(4);
  });

  test('mounts a writable task volume at exactly the paths the image writes', () => {
    expect(container.MountPoints).toEqual(
      volumes.map(([volume, path]) => ({ ContainerPath: path, ReadOnly: false, SourceVolume: `schema-registry-${volume}` })),
    );
    // Bind mounts on Fargate task storage: no host path, no EFS, no Docker volume driver.
    expect(task.Volumes).toEqual(volumes.map(([volume]) => ({ Name: `schema-registry-${volume}` })));
  });

  test('mounts a parent directory before the volumes nested in it', () => {
    const paths: string[] = container.MountPoints.map((m: { ContainerPath: string }) => m.ContainerPath);
    paths.forEach((p, i) => {
      for (const later of paths.slice(i + 1)) expect(p.startsWith(`${later}/`)).toBe(false);
    });
    expect(paths).toContain('/etc/schema-registry/secrets');
  });
});

test('with ECS Exec (dev default) the root filesystem stays writable: the ECS Exec agent writes there', () => {
  const [container] = taskDefinition(defaultStage('dev').registry).ContainerDefinitions;
  expect(container.ReadonlyRootFilesystem).toBe(false);
  expect(container.User).toBe(contract.runAsUser);
  expect(container.Memory).toBe(1024);
});
