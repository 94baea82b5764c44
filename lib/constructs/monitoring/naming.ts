/** The service name every alarm and the dashboard carry after the environment prefix. */
const SERVICE_NAME = 'SchemaRegistry';

/**
 * `Prod-SchemaRegistry` for `prod`: the prefix of every alarm name and the dashboard name, so
 * several environments (or services) can share an account without name collisions, and the
 * topic policy can scope CloudWatch to exactly these alarms (`alarm:Prod-SchemaRegistry-*`).
 */
export function monitoringNamePrefix(envName: string): string {
  const problems = envNameProblems(envName);
  if (problems.length > 0) throw new Error(`Monitoring: ${problems.join('; ')}`);
  return `${envName.charAt(0).toUpperCase()}${envName.slice(1)}-${SERVICE_NAME}`;
}

/** Problems with an environment name as a monitoring name prefix; [] when valid. */
export function envNameProblems(envName: string, path = 'envName'): string[] {
  return /^[a-z][a-z0-9-]*$/i.test(envName)
    ? []
    : [`${path}: environment name '${envName}' must start with a letter and contain only letters, digits and '-'`];
}
