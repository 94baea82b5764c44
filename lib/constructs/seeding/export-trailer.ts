import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parseExportTrailer } from '../../../lambda/contracts/export-format';

/**
 * The trailer sha256 of a local export file, read at synth time (`.gz` files are gunzipped).
 * This is the hash the export format stores in its last line (parsed by the export-format
 * contract, lambda/contracts/export-format.ts); it identifies the export's content whether or
 * not the file is compressed. The handler checks the full hash again before importing, so this
 * read only needs the trailer.
 */
export function readExportTrailerSha256(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new Error(
      `seeding.localExportFile ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}); check the path`,
    );
  }
  let text: string;
  try {
    text = (path.toLowerCase().endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  } catch {
    throw new Error(`seeding.localExportFile ${path} ends in .gz but is not gzip data; rename it or re-export`);
  }
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const last = lines[lines.length - 1];
  const trailer = last === undefined ? undefined : parseExportTrailer(last);
  if (trailer === undefined) {
    throw new Error(
      `seeding.localExportFile ${path} has no export trailer as its last line: the file is truncated or not an sr-migrate export; export it again`,
    );
  }
  return trailer.sha256;
}
