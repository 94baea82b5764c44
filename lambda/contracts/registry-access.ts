/**
 * Environment variables every registry-access Lambda (backup, seeding, mode check) reads. Only
 * non-secret values travel this way: the admin credentials are read from Secrets Manager at run
 * time, by ARN.
 */
export const REGISTRY_ACCESS_ENV = {
  /** Base URL of the registry as the function reaches it (the internal load balancer or its DNS name). */
  registryUrl: 'REGISTRY_URL',
  /** ARN of the secret holding the admin credentials `{"username","password"}`. */
  adminSecretArn: 'ADMIN_SECRET_ARN',
  /** Environment name (dev, staging, prod): metric dimensions and key prefixes. */
  envName: 'ENV_NAME',
} as const;
