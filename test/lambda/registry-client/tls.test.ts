import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpSchemaRegistryClient } from '../../../lambda/registry-client/client';
import { RegistryUnreachableError } from '../../../lambda/registry-client/errors';

/**
 * mTLS against a real https server. Certificates are generated per run with the openssl CLI
 * (a throwaway CA, a server certificate for 127.0.0.1, a client certificate), so no private
 * key is committed.
 */
let dir: string;
let server: https.Server;
let url: string;
const seenClientCerts: string[] = [];

function openssl(...args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sr-tls-'));
  writeFileSync(join(dir, 'san.cnf'), 'subjectAltName=IP:127.0.0.1\n');
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl('req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=test CA');
  for (const name of ['server', 'client']) {
    openssl('req', ...ec, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`);
    openssl(
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      `${name}.pem`,
      '-days',
      '2',
      ...(name === 'server' ? ['-extfile', 'san.cnf'] : []),
    );
  }
  server = https.createServer(
    {
      key: readFileSync(join(dir, 'server.key')),
      cert: readFileSync(join(dir, 'server.pem')),
      ca: readFileSync(join(dir, 'ca.pem')),
      requestCert: true,
      rejectUnauthorized: true,
    },
    (req, res) => {
      const socket = req.socket as import('node:tls').TLSSocket;
      seenClientCerts.push(socket.getPeerCertificate().subject.CN as string);
      res.writeHead(200, { 'Content-Type': 'application/vnd.schemaregistry.v1+json' });
      res.end('["orders-value"]');
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

const file = (name: string) => join(dir, name);

test('presents the client certificate and trusts the private CA', async () => {
  const client = new HttpSchemaRegistryClient({
    url,
    tls: { certFile: file('client.pem'), keyFile: file('client.key'), caFile: file('ca.pem') },
  });
  try {
    expect(await client.listSubjects()).toEqual(['orders-value']);
    expect(seenClientCerts).toContain('client');
  } finally {
    client.close();
  }
});

test('without the CA the handshake fails at once with a TLS message (no retries)', async () => {
  let retries = 0;
  const client = new HttpSchemaRegistryClient({
    url,
    tls: { certFile: file('client.pem'), keyFile: file('client.key') },
    onRetry: () => retries++,
  });
  try {
    const error = await client.listSubjects().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryUnreachableError);
    expect((error as Error).message).toMatch(/^TLS connection to https:\/\/127\.0\.0\.1:\d+ failed: \S+; check the CA file/);
    expect(retries).toBe(0);
  } finally {
    client.close();
  }
});

test('a missing certificate file or a certificate without its key is a clear configuration error', () => {
  expect(() => new HttpSchemaRegistryClient({ url, tls: { certFile: file('nope.pem'), keyFile: file('client.key') } })).toThrow(
    `cannot read the TLS client certificate file ${file('nope.pem')}: ENOENT; check the path and its permissions`,
  );
  expect(() => new HttpSchemaRegistryClient({ url, tls: { certFile: file('client.pem') } })).toThrow(
    /needs both a client certificate file and its key file/,
  );
});
