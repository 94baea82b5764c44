import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { HttpSchemaRegistryClient } from '../../../../lambda/registry-client/client';
import { exportRegistry } from '../../../../lambda/migration/export/export-registry';
import { loadExport } from '../../../../lambda/migration/format/reader';
import { importExport, isReservedIdSubject } from '../../../../lambda/migration/import';
import { readRegistrySnapshot } from '../../../../lambda/migration/snapshot/read-snapshot';
import { expectedCorpusSnapshot } from '../fixtures/corpus';
import { startTestRegistry, type TestRegistry } from '../fixtures/corpus-registry';

describe('exportRegistry', () => {
  let registry: TestRegistry;
  let dir: string;
  beforeAll(async () => {
    registry = await startTestRegistry({ corpus: true, auth: { username: 'alice', password: 's3cr3t-pw' } });
    dir = await mkdtemp(join(tmpdir(), 'sr-export-'));
  });
  afterAll(async () => {
    await registry.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes an export that loads back as exactly the corpus, with a credential-free header', async () => {
    // Credentials embedded in the URL must never reach the file.
    const url = registry.double.url.replace('http://', 'http://alice:s3cr3t-pw@');
    const api = new HttpSchemaRegistryClient({ url });
    try {
      const location = join(dir, 'corpus.jsonl.gz');
      const result = await exportRegistry(api, location);
      expect(result.counts).toEqual({ context: 3, schema: 27, config: 7, mode: 4, maxId: 3 });

      const loaded = await loadExport(location);
      const { header, trailer, ...snapshot } = loaded;
      expect(snapshot).toEqual(expectedCorpusSnapshot());
      expect(header.source).toEqual({
        url: registry.double.url,
        version: '8.1.0',
        id: 'kafka:' + (await registry.api.clusterIdentity())!.kafkaCluster + '/group:schema-registry',
      });
      expect(header.frozenScopes).toBeUndefined();
      expect(trailer.sha256).toBe(result.sha256);

      const text = gunzipSync(await readFile(location)).toString('utf8');
      expect(text).not.toContain('s3cr3t-pw');
      expect(text).not.toContain('alice');
    } finally {
      api.close();
    }
  });

  it('is stable: two exports of the same registry differ only in the header timestamp', async () => {
    const first = join(dir, 'a.jsonl');
    const second = join(dir, 'b.jsonl');
    await exportRegistry(registry.api, first, { exportedAt: '2026-01-01T00:00:00.000Z' });
    await exportRegistry(registry.api, second, { exportedAt: '2026-01-02T00:00:00.000Z' });
    const [a, b] = [await readFile(first, 'utf8'), await readFile(second, 'utf8')];
    // The trailer's sha256 covers the header line, so only the header and that hash differ.
    const linesA = a.trimEnd().split('\n');
    const linesB = b.trimEnd().split('\n');
    expect(linesA.slice(1, -1)).toEqual(linesB.slice(1, -1));
    expect(linesA[0].replace('2026-01-01', 'X')).toBe(linesB[0].replace('2026-01-02', 'X'));
    const trailer = (line: string) => ({ ...JSON.parse(line), sha256: undefined });
    expect(trailer(linesA[linesA.length - 1])).toEqual(trailer(linesB[linesB.length - 1]));
  });

  it('writes frozen scopes to the header and the transformed modes to the body', async () => {
    const location = join(dir, 'frozen.jsonl');
    const result = await exportRegistry(registry.api, location, {
      transform: (snapshot) => ({
        snapshot: { ...snapshot, modes: snapshot.modes.filter((m) => m.scope !== ':.ctx-b:') },
        frozenScopes: [':.ctx-b:'],
      }),
    });
    expect(result.frozenScopes).toEqual([':.ctx-b:']);
    const loaded = await loadExport(location);
    expect(loaded.header.frozenScopes).toEqual([':.ctx-b:']);
    expect(loaded.modes.map((m) => m.scope)).not.toContain(':.ctx-b:');
  });

  it('an export of an imported target equals the export of its source: the id placeholder is not carried', async () => {
    const sourceLocation = join(dir, 'source.jsonl');
    await exportRegistry(registry.api, sourceLocation, { exportedAt: '2026-01-01T00:00:00.000Z' });
    const target = await startTestRegistry();
    try {
      await importExport(target.api, await loadExport(sourceLocation));
      const targetSnapshot = await readRegistrySnapshot(target.api);
      // The import reserved the source's highest id with a soft-deleted placeholder...
      expect(targetSnapshot.schemas.some((record) => isReservedIdSubject(record.subject))).toBe(true);
      const targetLocation = join(dir, 'target.jsonl');
      await exportRegistry(target.api, targetLocation, { exportedAt: '2026-01-01T00:00:00.000Z' });
      // ...which the export leaves out: its maxId record already carries the reservation.
      const body = async (location: string) => (await readFile(location, 'utf8')).trimEnd().split('\n').slice(1);
      const source = await body(sourceLocation);
      const exported = await body(targetLocation);
      expect(exported.slice(0, -1)).toEqual(source.slice(0, -1));
      expect(exported.length).toBe(source.length);
    } finally {
      await target.close();
    }
  });

  it('leaves no file behind when the source cannot be read', async () => {
    const location = join(dir, 'never.jsonl');
    registry.double.faults.failNext({ method: 'GET', path: /^\/contexts/, status: 500, errorCode: 50001, times: 5 });
    await expect(exportRegistry(registry.api, location)).rejects.toThrow();
    registry.double.faults.clear();
    await expect(readFile(location)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
