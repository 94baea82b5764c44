/** Where an export lives: a local path or `s3://bucket/key`. */
export type StoreLocation =
  | { readonly kind: 'file'; readonly path: string; readonly gzip: boolean }
  | { readonly kind: 's3'; readonly bucket: string; readonly key: string; readonly gzip: boolean };

/** Parses a location; gzip is on when the name ends in `.gz`. Throws a clear error for a bad s3 URL. */
export function parseStoreLocation(location: string): StoreLocation {
  const trimmed = location.trim();
  if (trimmed === '') throw new Error('export location is empty; give a file path or s3://bucket/key');
  const gzip = trimmed.toLowerCase().endsWith('.gz');
  if (/^s3:\/\//i.test(trimmed)) {
    const match = /^s3:\/\/([^/]+)\/(.+)$/i.exec(trimmed);
    if (!match || match[2].endsWith('/')) {
      throw new Error(`${trimmed} is not a valid S3 location; expected s3://bucket/path/to/export.jsonl.gz`);
    }
    return { kind: 's3', bucket: match[1], key: match[2], gzip };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
    throw new Error(`unsupported export location scheme in ${trimmed}; use a file path or s3://bucket/key`);
  }
  return { kind: 'file', path: trimmed, gzip };
}

export function describeLocation(location: StoreLocation): string {
  return location.kind === 's3' ? `s3://${location.bucket}/${location.key}` : location.path;
}
