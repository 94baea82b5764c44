import * as http from 'node:http';
import { probeRegistry } from '../../../../lambda/handlers/seed/registry-ready';
import { startRegistryDouble } from '../../../support/registry-double';
import { listenOnLoopback } from '../../../support/loopback-server';

/** A server that answers every request with `status`, for the load balancer's "no healthy target" case. */
async function answering(status: number): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((_req, res) => res.writeHead(status).end());
  return listenOnLoopback(server);
}

describe('probeRegistry', () => {
  it('counts a registry answering GET / without credentials, even with basic auth on', async () => {
    const registry = await startRegistryDouble({ auth: { username: 'admin', password: 'secret' } });
    try {
      await expect(probeRegistry(registry.url)).resolves.toEqual({ answered: true, detail: 'HTTP 200' });
    } finally {
      await registry.close();
    }
  });

  it('treats a 503 (no healthy target behind the load balancer) as not yet', async () => {
    const server = await answering(503);
    try {
      await expect(probeRegistry(server.url)).resolves.toEqual({ answered: false, detail: 'HTTP 503' });
    } finally {
      await server.close();
    }
  });

  it('reports a refused connection by its code', async () => {
    const server = await answering(200);
    const url = server.url;
    await server.close();
    await expect(probeRegistry(url)).resolves.toEqual({ answered: false, detail: 'ECONNREFUSED' });
  });
});
