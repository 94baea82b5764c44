/**
 * The Schema Registry process itself: image version, JVM sizing, basic auth and extra
 * non-secret `schema-registry.properties`.
 */
export interface RegistryConfig {
  /**
   * `confluentinc/cp-schema-registry` tag the image is built from (build arg CP_VERSION).
   * @default '8.0.4'
   */
  readonly confluentVersion: string;

  /**
   * `aws-msk-iam-auth` release added to the image (build arg MSK_IAM_AUTH_VERSION).
   * @default '2.3.2'
   */
  readonly mskIamAuthVersion: string;

  /**
   * SHA-256 of `aws-msk-iam-auth-<version>-all.jar` (build arg MSK_IAM_AUTH_SHA256). The image
   * build downloads the jar and refuses it unless the hash matches, so compute it once from a
   * release asset you trust and commit it here. Synth works without it; the image build does not.
   * @default undefined (set before the first deploy)
   */
  readonly mskIamAuthSha256?: string;

  /**
   * JVM heap (-Xms = -Xmx) as a share of task memory; the rest is metaspace, threads and the OS.
   * Between 0.25 and 0.85.
   * @default 0.6
   */
  readonly heapShare: number;

  /** HTTP basic authentication in front of the registry API. */
  readonly basicAuth: BasicAuthConfig;

  /**
   * Extra `schema-registry.properties` entries (tuning, plugins), e.g.
   * `{ 'schema.compatibility.level': 'full' }`. Non-secret only; settings the app manages
   * (Kafka store, listeners, host name, authentication) are rejected.
   * @default {}
   */
  readonly extraProperties: Record<string, string>;
}

/** HTTP basic authentication. Credentials come from the generated admin secret in the Data stack. */
export interface BasicAuthConfig {
  /**
   * Require basic auth on every path except the health check `/`.
   * @default true
   */
  readonly enabled: boolean;

  /**
   * Roles allowed in (`authentication.roles`); the admin user gets all of them.
   * @default ['admin']
   */
  readonly roles: string[];
}
