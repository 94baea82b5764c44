import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createExportStore, StoreError } from '../../../../lambda/migration/store';

const store = createExportStore();
const dir = () => mkdtempSync(join(tmpdir(), 'sr-store-'));

async function readAll(location: string): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await store.openReadStream(location)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

test('the final path appears only when done resolves (temp file, then rename); directories are created', async () => {
  const base = dir();
  const path = join(base, 'nested', 'deeper', 'export.jsonl');
  const handle = await store.openWriteStream(path);
  handle.stream.write('line 1\n');
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(existsSync(path)).toBe(false);
  handle.stream.end('line 2\n');
  await handle.done;
  expect(readFileSync(path, 'utf8')).toBe('line 1\nline 2\n');
  expect(readdirSync(join(base, 'nested', 'deeper'))).toEqual(['export.jsonl']);
  expect(await readAll(path)).toBe('line 1\nline 2\n');
});

test('an existing export is replaced atomically: the old content stays until the new one is complete', async () => {
  const path = join(dir(), 'export.jsonl');
  writeFileSync(path, 'old\n');
  const handle = await store.openWriteStream(path);
  handle.stream.write('new, partial\n');
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(readFileSync(path, 'utf8')).toBe('old\n');
  handle.stream.end();
  await handle.done;
  expect(readFileSync(path, 'utf8')).toBe('new, partial\n');
});

test('abort leaves neither the final file nor the temp file; done rejects', async () => {
  const base = dir();
  const path = join(base, 'export.jsonl.gz');
  const handle = await store.openWriteStream(path);
  handle.stream.write('partial\n');
  await handle.abort(new Error('export failed midway'));
  await expect(handle.done).rejects.toThrow('export failed midway');
  expect(readdirSync(base)).toEqual([]);
});

test('.gz is written and read as gzip transparently', async () => {
  const path = join(dir(), 'export.jsonl.gz');
  const handle = await store.openWriteStream(path);
  handle.stream.end('{"a":1}\n');
  await handle.done;
  expect(gunzipSync(readFileSync(path)).toString()).toBe('{"a":1}\n');
  expect(await readAll(path)).toBe('{"a":1}\n');
});

test('unwritable and unreadable locations give StoreErrors naming the path', async () => {
  const base = dir();
  writeFileSync(join(base, 'file'), 'x');
  await expect(store.openWriteStream(join(base, 'file', 'export.jsonl'))).rejects.toThrow(StoreError);
  await expect(store.openReadStream(base)).rejects.toThrow(`cannot read export ${base}: not a regular file`);
  await expect(store.openReadStream(join(base, 'missing.jsonl'))).rejects.toThrow(/no such file; check the path/);
});
