import { readFileSync } from 'node:fs';

/** TLS settings for https registries: a client certificate for mTLS and/or a private CA. */
export interface RegistryTlsOptions {
  /** PEM client certificate (mTLS). Needs `keyFile`. */
  readonly certFile?: string;
  /** PEM private key of the client certificate. */
  readonly keyFile?: string;
  /** PEM CA bundle that signed the registry's certificate (replaces the default trust store). */
  readonly caFile?: string;
  /**
   * Verify the server certificate. Turn off only for a throwaway test registry.
   * @default true
   */
  readonly rejectUnauthorized?: boolean;
}

/** Agent options with the PEM files loaded; errors name the file and the flag, never the content. */
export function loadTlsAgentOptions(tls: RegistryTlsOptions | undefined): {
  cert?: Buffer;
  key?: Buffer;
  ca?: Buffer;
  rejectUnauthorized: boolean;
} {
  if (!tls) return { rejectUnauthorized: true };
  if (Boolean(tls.certFile) !== Boolean(tls.keyFile)) {
    throw new Error('mTLS needs both a client certificate file and its key file; set both or neither');
  }
  return {
    cert: tls.certFile ? readPem(tls.certFile, 'client certificate') : undefined,
    key: tls.keyFile ? readPem(tls.keyFile, 'client key') : undefined,
    ca: tls.caFile ? readPem(tls.caFile, 'CA bundle') : undefined,
    rejectUnauthorized: tls.rejectUnauthorized ?? true,
  };
}

function readPem(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new Error(`cannot read the TLS ${what} file ${path}: ${code}; check the path and its permissions`);
  }
}
