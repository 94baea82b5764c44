/**
 * The environments the app models. Each one becomes a cdk.Stage (`Dev`, `Staging`, `Prod`).
 * Kept apart from environment-config.ts so a concern's config module can name an environment
 * (per-environment defaults, prod-only rules) without importing the aggregate config type.
 */
export const ENVIRONMENT_NAMES = ['dev', 'staging', 'prod'] as const;
export type EnvironmentName = (typeof ENVIRONMENT_NAMES)[number];
