import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { PassThrough, pipeline, type Readable, type Writable } from 'node:stream';
import { pipeline as pipelineAsync } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { quiet, StoreError, type WriteHandle } from './write-handle';

/** Opens a local export for reading, gunzipping when `gzip`. */
export async function openLocalRead(path: string, gzip: boolean): Promise<Readable> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code;
    throw new StoreError(`cannot read export ${path}: ${why}; check the path`, path, code === 'ENOENT');
  }
  if (!info.isFile()) throw new StoreError(`cannot read export ${path}: not a regular file`, path);
  const file = createReadStream(path);
  if (!gzip) return file;
  const gunzip = createGunzip();
  pipeline(file, gunzip, () => undefined);
  return gunzip;
}

/**
 * Opens a local export for writing. Data goes to a hidden temp file in the same
 * directory, is fsynced, then renamed onto `path`: a crash or failure never leaves a
 * half-written file at the final path.
 */
export async function openLocalWrite(path: string, gzip: boolean): Promise<WriteHandle> {
  const finalPath = resolve(path);
  const directory = dirname(finalPath);
  try {
    await mkdir(directory, { recursive: true });
  } catch (error) {
    throw new StoreError(`cannot create directory ${directory}: ${(error as NodeJS.ErrnoException).code}`, path);
  }
  const tempPath = join(directory, `.${basename(finalPath)}.${process.pid}.${randomBytes(4).toString('hex')}.partial`);
  const file = createWriteStream(tempPath, { flags: 'wx' });
  const entry: Writable = gzip ? createGzip() : new PassThrough();
  let aborted: Error | undefined;

  const done = quiet(
    (async () => {
      try {
        await pipelineAsync(entry as unknown as Readable, file);
        if (aborted) throw aborted;
        const handle = await open(tempPath, 'r+');
        try {
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(tempPath, finalPath);
      } catch (error) {
        await rm(tempPath, { force: true });
        if (error === aborted || error instanceof StoreError) throw error;
        const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
        throw new StoreError(`cannot write export ${path}: ${code}; check free space and permissions`, path);
      }
    })(),
  );

  return {
    stream: entry,
    done,
    async abort(reason?: Error) {
      aborted = reason ?? new StoreError(`writing ${path} was aborted`, path);
      entry.destroy(aborted);
      await done.catch(() => undefined);
    },
  };
}

/** Deletes a local file; a missing one is fine. */
export async function removeLocal(path: string): Promise<void> {
  try {
    await rm(path, { force: true });
  } catch (error) {
    throw new StoreError(`cannot delete ${path}: ${(error as NodeJS.ErrnoException).code}; check its permissions`, path);
  }
}
