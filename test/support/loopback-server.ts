import type * as http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A test server listening on 127.0.0.1. */
export interface LoopbackServer {
  readonly url: string;
  readonly port: number;
  /** Drops open (keep-alive) connections, then resolves once the server has closed. */
  close(): Promise<void>;
}

/** Starts `server` on a free port of 127.0.0.1 (never a public interface). */
export async function listenOnLoopback(server: http.Server): Promise<LoopbackServer> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
