/** Bulk population over HTTP and paging it back: the sorted-listing cache must follow every write. */
import { RegistryDouble, startRegistryDouble } from './index';
import { Caller, httpCaller } from './testing';

describe('registry double: bulk', () => {
  let registry: RegistryDouble;
  let call: Caller;

  beforeAll(async () => {
    registry = await startRegistryDouble();
    call = httpCaller(registry.url);
  });
  afterAll(() => registry.close());

  test('1,100 versions (two pages) loaded with 8 requests in flight page back complete and in order', async () => {
    await call('PUT', '/mode', { mode: 'IMPORT' });
    const total = 1100;
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < total) {
          const i = next++;
          const subject = `s-${String(i % 550).padStart(4, '0')}`;
          const version = Math.floor(i / 550) + 1;
          const res = await call('POST', `/subjects/${subject}/versions`, {
            schema: JSON.stringify({ type: 'fixed', name: `F${i}`, size: 4 }),
            id: 10 * (i + 1),
            version,
          });
          expect(res.status).toBe(200);
        }
      }),
    );
    expect(registry.inspect.versionCount()).toBe(total);
    expect(registry.inspect.maxIdOf('.')).toBe(10 * total);
    const seen: string[] = [];
    for (let offset = 0; ; offset += 1000) {
      const page = (await call('GET', `/schemas?offset=${offset}&limit=1000`)).body as Array<{ subject: string; version: number }>;
      if (page.length === 0) break;
      seen.push(...page.map((s) => `${s.subject}@${s.version}`));
    }
    const expected = Array.from({ length: 550 }, (_, s) => [1, 2].map((v) => `s-${String(s).padStart(4, '0')}@${v}`)).flat();
    expect(seen).toEqual(expected);

    // A write between two listings shows up in the second one.
    await call('POST', '/subjects/a-first/versions', { schema: '"string"', id: 1, version: 1 });
    expect(((await call('GET', '/schemas?limit=1')).body as Array<{ subject: string }>)[0].subject).toBe('a-first');
    await call('DELETE', '/subjects/a-first');
    await call('DELETE', '/subjects/a-first?permanent=true');
    expect(((await call('GET', '/subjects?limit=1')).body as string[])[0]).toBe('s-0000');
  });
});
