import { HttpSchemaRegistryClient, type HttpSchemaRegistryClientOptions } from '../../../lambda/registry-client/client';
import { RegistryAuthError, RegistryError, RegistryUnreachableError } from '../../../lambda/registry-client/errors';
import { errorBody, startScriptedServer, type ScriptedReply, type SeenRequest } from './scripted-server';

type Server = Awaited<ReturnType<typeof startScriptedServer>>;

let server: Server | undefined;
let client: HttpSchemaRegistryClient | undefined;
let delays: number[];

afterEach(async () => {
  client?.close();
  await server?.close();
  server = undefined;
  client = undefined;
});

/** Starts a scripted server and a client to it whose backoff sleeps are recorded, not waited. */
async function setup(
  reply: (request: SeenRequest, index: number) => ScriptedReply,
  options: Partial<HttpSchemaRegistryClientOptions> & { urlOverride?: (url: string) => string } = {},
) {
  server = await startScriptedServer(reply);
  delays = [];
  const { urlOverride, ...rest } = options;
  client = new HttpSchemaRegistryClient({
    url: urlOverride ? urlOverride(server.url) : server.url,
    retry: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000 },
    sleep: async (ms) => {
      delays.push(ms);
    },
    random: () => 0.999,
    ...rest,
  });
  return { server, client };
}

const avroVersion = { subject: 'orders-value', version: 3, id: 100042, schema: '"string"' };

describe('HttpSchemaRegistryClient: wire format', () => {
  test('sends the Schema Registry media type and percent-encodes odd subject names', async () => {
    const { server, client } = await setup(() => ({ status: 200, body: [1, 2] }));
    await client.listVersions('ünï cødé/with slash:and colon');
    expect(server.requests[0].url).toBe('/subjects/%C3%BCn%C3%AF%20c%C3%B8d%C3%A9%2Fwith%20slash%3Aand%20colon/versions');
    expect(server.requests[0].headers.accept).toContain('application/vnd.schemaregistry.v1+json');
    expect(server.requests[0].headers.authorization).toBeUndefined();
  });

  test('normalises 7.x answers: missing schemaType is AVRO, missing or empty references are undefined', async () => {
    const { client } = await setup((req) =>
      req.url.startsWith('/schemas')
        ? {
            status: 200,
            body: [
              { ...avroVersion, references: [] },
              { ...avroVersion, version: 4, schemaType: 'PROTOBUF' },
            ],
          }
        : { status: 200, body: avroVersion },
    );
    const one = await client.getVersion('orders-value', 3);
    expect(one).toEqual({ subject: 'orders-value', version: 3, id: 100042, schemaType: 'AVRO', schema: '"string"' });
    expect(one).not.toHaveProperty('references');
    const page = await client.listSchemasPage({ subjectPrefix: ':*:', deleted: true, offset: 0, limit: 1000 });
    expect(page.map((s) => [s.schemaType, 'references' in s])).toEqual([
      ['AVRO', false],
      ['PROTOBUF', false],
    ]);
  });

  test('keeps references, metadata, ruleSet and the 8.x deleted flag', async () => {
    const references = [{ name: 'x.proto', subject: 'x', version: 1 }];
    const metadata = { properties: { owner: 'team-a' } };
    const { client } = await setup(() => ({
      status: 200,
      body: { ...avroVersion, schemaType: 'AVRO', references, metadata, ruleSet: { domainRules: [] }, deleted: true, guid: 'g', ts: 1 },
    }));
    expect(await client.getVersion('orders-value', 3, { deleted: true })).toEqual({
      ...avroVersion,
      schemaType: 'AVRO',
      references,
      metadata,
      ruleSet: { domainRules: [] },
      deleted: true,
    });
  });

  test('query parameters: subjectPrefix defaults to all contexts; deleted, paging, fetchMaxId and force are passed', async () => {
    const { server, client } = await setup((req) => {
      if (req.url.startsWith('/subjects')) return { status: 200, body: ['a', ':.ctx:b'] };
      if (req.url.startsWith('/schemas/ids')) return { status: 200, body: { schema: '"int"', maxId: 77 } };
      if (req.url.startsWith('/schemas')) return { status: 200, body: [] };
      return { status: 200, body: { mode: 'IMPORT' } };
    });
    expect(await client.listSubjects({ deleted: true })).toEqual(['a', ':.ctx:b']);
    await client.listSchemasPage({ subjectPrefix: ':*:', deleted: true, offset: 2000, limit: 1000 });
    expect(await client.getSchemaById(5, { subject: ':.ctx:', fetchMaxId: true })).toEqual({
      schemaType: 'AVRO',
      schema: '"int"',
      maxId: 77,
    });
    await client.putMode(':.ctx:', 'IMPORT', { force: true });
    const urls = server.requests.map((r) => decodeURIComponent(r.url));
    expect(urls).toEqual([
      '/subjects?subjectPrefix=:*:&deleted=true',
      '/schemas?subjectPrefix=:*:&deleted=true&offset=2000&limit=1000',
      '/schemas/ids/5?subject=:.ctx:&fetchMaxId=true',
      '/mode/:.ctx:?force=true',
    ]);
    expect(server.requests[3].method).toBe('PUT');
    expect(JSON.parse(server.requests[3].body)).toEqual({ mode: 'IMPORT' });
    expect(server.requests[3].headers['content-type']).toBe('application/vnd.schemaregistry.v1+json');
  });

  test('register posts the request with id and version and reads only the id', async () => {
    const { server, client } = await setup(() => ({ status: 200, body: { id: 42, version: 7, schema: 'ignored' } }));
    const request = { schema: '"string"', schemaType: 'AVRO' as const, id: 42, version: 7, metadata: { a: 1 } };
    expect(await client.register(':.ctx:orders', request)).toEqual({ id: 42 });
    expect(server.requests[0].method).toBe('POST');
    expect(server.requests[0].url).toBe('/subjects/%3A.ctx%3Aorders/versions');
    expect(JSON.parse(server.requests[0].body)).toEqual(request);
  });

  test('"not found / not set" answers resolve undefined; listContexts on an old server is ["."]', async () => {
    const { client } = await setup((req) => {
      if (req.url.startsWith('/v1/metadata/version') || req.url === '/contexts') return { status: 404, raw: 'Not Found' };
      if (req.url.startsWith('/config')) return { status: 404, body: errorBody(40408) };
      if (req.url.startsWith('/mode')) return { status: 404, body: errorBody(40409) };
      if (req.url.startsWith('/schemas/ids')) return { status: 404, body: errorBody(40403) };
      if (req.url.endsWith('/versions')) return { status: 404, body: errorBody(40401) };
      return { status: 404, body: errorBody(40402) };
    });
    expect(await client.serverVersion()).toBeUndefined();
    expect(await client.listContexts()).toEqual(['.']);
    expect(await client.getConfig('orders-value')).toBeUndefined();
    expect(await client.getMode(':.ctx:')).toBeUndefined();
    expect(await client.getSchemaById(9)).toBeUndefined();
    expect(await client.listVersions('gone')).toBeUndefined();
    expect(await client.getVersion('orders-value', 9)).toBeUndefined();
  });

  test('serverVersion, contexts with "." first, config without nulls, top-level scope ""', async () => {
    const { server, client } = await setup((req) => {
      if (req.url === '/v1/metadata/version') return { status: 200, body: { version: '7.9.1', commitId: 'abc' } };
      if (req.url === '/contexts') return { status: 200, body: ['.ctx2', '.', '.ctx1'] };
      return { status: 200, body: { compatibilityLevel: 'FULL', alias: null } };
    });
    expect(await client.serverVersion()).toBe('7.9.1');
    expect(await client.listContexts()).toEqual(['.', '.ctx1', '.ctx2']);
    expect(await client.getConfig('')).toEqual({ compatibilityLevel: 'FULL' });
    expect(server.requests[2].url).toBe('/config');
  });

  test('a lookup answered for another subject (context fallback) counts as not found', async () => {
    const { client } = await setup(() => ({ status: 200, body: { ...avroVersion, subject: ':.other:orders-value' } }));
    expect(await client.getVersion('orders-value', 3)).toBeUndefined();
  });

  test('a redirect is reported with its target, not followed', async () => {
    const { server, client } = await setup(() => ({ status: 301, headers: { Location: 'https://sr.example.com/subjects' } }));
    await expect(client.listSubjects()).rejects.toThrow(
      /^GET \/subjects at http:\/\/127\.0\.0\.1:\d+ was redirected \(HTTP 301\) to https:\/\/sr\.example\.com\/subjects; use the final URL as the registry URL$/,
    );
    expect(server.requests).toHaveLength(1);
  });

  test('a 2xx that is not registry JSON names the likely cause', async () => {
    const { client } = await setup(() => ({ status: 200, raw: '<html>login</html>', headers: { 'Content-Type': 'text/html' } }));
    await expect(client.listSubjects()).rejects.toThrow(/unexpected answer .*check that the URL points at a Schema Registry/);
  });
});

describe('HttpSchemaRegistryClient: authentication', () => {
  test('basic auth from options; credentials embedded in the URL are stripped from displayUrl', async () => {
    const { server, client } = await setup(() => ({ status: 200, body: [] }), {
      urlOverride: (url) => url.replace('http://', 'http://alice:s%40cret@') + '/',
    });
    expect(client.displayUrl).toBe(server.url);
    await client.listSubjects();
    expect(server.requests[0].headers.authorization).toBe(`Basic ${Buffer.from('alice:s@cret').toString('base64')}`);
  });

  test('bearer token, and explicit auth wins over URL credentials', async () => {
    const { server, client } = await setup(() => ({ status: 200, body: [] }), {
      urlOverride: (url) => url.replace('http://', 'http://alice:pw@'),
      auth: { type: 'bearer', token: 'tok-123' },
    });
    await client.listSubjects();
    expect(server.requests[0].headers.authorization).toBe('Bearer tok-123');
  });

  test('401 names the cause and the fix, is not retried and never contains the password', async () => {
    const { server, client } = await setup(() => ({ status: 401, body: errorBody(401, 'Unauthorized') }), {
      urlOverride: (url) => url.replace('http://', 'http://alice:hunter2@'),
      authHint: 'check SR_TARGET_AUTH / --target-secret-arn',
    });
    const error = await client.listSubjects().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryAuthError);
    expect((error as Error).message).toBe(`authentication failed (401) at ${server.url}: check SR_TARGET_AUTH / --target-secret-arn`);
    expect((error as Error).message).not.toContain('hunter2');
    expect(JSON.stringify(error)).not.toContain('hunter2');
    expect(server.requests).toHaveLength(1);
  });

  test('403 says the user lacks a role', async () => {
    const { client } = await setup(() => ({ status: 403, body: errorBody(403, 'Forbidden') }));
    await expect(client.listSubjects()).rejects.toThrow(/access denied \(403\) at .* no role allowed by the registry/);
  });
});

describe('HttpSchemaRegistryClient: retries', () => {
  test('503 and 429 are retried with growing, capped, jittered delays; the hook sees each retry', async () => {
    const events: string[] = [];
    const { server, client } = await setup(
      (_req, i) => (i < 3 ? { status: i === 1 ? 429 : 503, body: errorBody(i === 1 ? 429 : 50003) } : { status: 200, body: ['a'] }),
      {
        onRetry: (e) => events.push(`${e.operation} #${e.attempt}: ${e.reason}`),
      },
    );
    expect(await client.listSubjects()).toEqual(['a']);
    expect(server.requests).toHaveLength(4);
    // random() = 0.999: each delay is just under its ceiling base * 2^(attempt-1).
    expect(delays).toEqual([99, 199, 399]);
    expect(events).toEqual([
      'GET /subjects #1: HTTP 503 (error_code 50003)',
      'GET /subjects #2: HTTP 429 (error_code 429)',
      'GET /subjects #3: HTTP 503 (error_code 50003)',
    ]);
  });

  test('Retry-After raises the delay up to maxDelayMs', async () => {
    const { client } = await setup((_req, i) => (i === 0 ? { status: 429, headers: { 'Retry-After': '30' } } : { status: 200, body: [] }));
    await client.listSubjects();
    expect(delays).toEqual([1000]);
  });

  test('a dropped connection is retried', async () => {
    const { server, client } = await setup((_req, i) => (i === 0 ? { drop: true } : { status: 200, body: ['x'] }));
    expect(await client.listSubjects()).toEqual(['x']);
    expect(server.requests).toHaveLength(2);
  });

  test('4xx answers are not retried and keep error_code and message', async () => {
    const { server, client } = await setup(() => ({
      status: 422,
      body: errorBody(42205, 'Overwrite new schema with id 7 in context . is not permitted.'),
    }));
    const error = (await client.register('s', { schema: '"int"', id: 7, version: 1 }).catch((e: unknown) => e)) as RegistryError;
    expect(error).toBeInstanceOf(RegistryError);
    expect(error.errorCode).toBe(42205);
    expect(error.status).toBe(422);
    expect(error.operation).toBe('POST /subjects/s/versions');
    expect(error.message).toContain('Overwrite new schema with id 7');
    expect(server.requests).toHaveLength(1);
  });

  test('5xx on every attempt ends in a RegistryError with the server code', async () => {
    const { server, client } = await setup(() => ({ status: 500, body: errorBody(50002, 'Register operation timed out') }));
    const error = (await client.register('s', { schema: '"int"' }).catch((e: unknown) => e)) as RegistryError;
    expect(error.errorCode).toBe(50002);
    expect(error.message).toMatch(/failed after 4 attempts: Register operation timed out \(HTTP 500, error_code 50002\)/);
    expect(server.requests).toHaveLength(4);
  });

  test('a write that landed but answered 50002 then "already done": DELETE resolves', async () => {
    const { server, client } = await setup((req, i) => {
      if (i % 2 === 0) return { status: 500, body: errorBody(50002) };
      if (req.url.startsWith('/mode')) return { status: 404, body: errorBody(40401) };
      if (req.url.endsWith('/versions/2')) return { status: 404, body: errorBody(40406) };
      return { status: 404, body: errorBody(40404) };
    });
    await expect(client.deleteVersion('s', 2)).resolves.toBeUndefined();
    await expect(client.deleteSubject('s')).resolves.toBeUndefined();
    await expect(client.deleteMode('s')).resolves.toBe(true);
    expect(server.requests.map((r) => r.method)).toEqual(['DELETE', 'DELETE', 'DELETE', 'DELETE', 'DELETE', 'DELETE']);
  });

  test('without an earlier failed attempt, "already deleted" is an error and "nothing set" is false', async () => {
    const { client } = await setup((req) =>
      req.url.startsWith('/config') ? { status: 404, body: errorBody(40401) } : { status: 404, body: errorBody(40406) },
    );
    await expect(client.deleteVersion('s', 2)).rejects.toMatchObject({ errorCode: 40406 });
    await expect(client.deleteConfig('s')).resolves.toBe(false);
  });
});

describe('HttpSchemaRegistryClient: unreachable registries', () => {
  test('connection refused after every retry: one clear message without credentials', async () => {
    const { server } = await setup(() => ({ status: 200, body: [] }));
    const port = server.port;
    await server.close();
    const events: number[] = [];
    client = new HttpSchemaRegistryClient({
      url: `http://bob:topsecret@127.0.0.1:${port}`,
      retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 },
      onRetry: (e) => events.push(e.attempt),
    });
    const error = (await client.listSubjects().catch((e: unknown) => e)) as RegistryUnreachableError;
    expect(error).toBeInstanceOf(RegistryUnreachableError);
    expect(error.message).toBe(
      `cannot reach http://127.0.0.1:${port}: ECONNREFUSED (3 attempts); check the URL, VPC/security group and that the registry is running`,
    );
    expect(error.message).not.toContain('topsecret');
    expect(events).toEqual([1, 2]);
  });

  test('a registry that never answers times out per attempt', async () => {
    const { server, client } = await setup(() => ({ hang: true }), { timeoutMs: 150, retry: { maxAttempts: 2, baseDelayMs: 1 } });
    const started = Date.now();
    const error = await client.listSubjects().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryUnreachableError);
    expect((error as Error).message).toMatch(/^cannot reach http:\/\/127\.0\.0\.1:\d+: no answer within 150 ms \(2 attempts\)/);
    expect(server.requests).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  test('invalid URLs are refused up front without echoing them', () => {
    expect(() => new HttpSchemaRegistryClient({ url: 'ftp://u:pw@host' })).toThrow(
      'registry URL must start with http:// or https:// (got ftp://…)',
    );
    expect(() => new HttpSchemaRegistryClient({ url: 'not a url pw' })).toThrow(/registry URL is not a valid URL/);
    expect(() => new HttpSchemaRegistryClient({ url: 'not a url pw' })).not.toThrow(/pw/);
  });
});
