import type { ExportStore } from './export-store';

/**
 * Small JSON records (freeze records, the ownership ledger) at a store location: read whole,
 * written whole (a local file through a temporary file and a rename, an S3 object when its
 * upload completes), never half.
 */
export async function readTextObject(location: string, store: ExportStore): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await store.openReadStream(location))
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks).toString('utf8');
}

export async function writeTextObject(location: string, text: string, store: ExportStore): Promise<void> {
  const handle = await store.openWriteStream(location);
  handle.stream.end(Buffer.from(text, 'utf8'));
  await handle.done;
}
