import type { IConstruct } from 'constructs';

/**
 * Thrown by a construct whose props have problems. Lists every problem at once, like
 * ConfigValidationError does for the configuration: each line names the prop and the fix.
 */
export class InvalidPropsError extends Error {
  constructor(
    /** The construct's path in the app, e.g. `Dev/Registry/Backup`. */
    readonly path: string,
    readonly problems: readonly string[],
    constructName: string,
  ) {
    super(`${constructName} at ${path}: invalid props:\n${problems.map((p) => ` - ${p}`).join('\n')}`);
    this.name = 'InvalidPropsError';
  }
}

/**
 * Throws one InvalidPropsError for `scope` when `problems` is not empty. Call it once, right
 * after `super()`, with everything the construct found wrong, before creating any child.
 */
export function throwIfInvalidProps(scope: IConstruct, constructName: string, problems: readonly string[]): void {
  if (problems.length > 0) throw new InvalidPropsError(scope.node.path, problems, constructName);
}
