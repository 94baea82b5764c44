/** Path version ids (`rest/VersionId.java`): an integer in [1, 2^31-1], "latest", or -1 meaning latest; else 42202. */
import { errors } from '../errors';

export function parseVersionId(raw: string): number | 'latest' {
  if (raw === 'latest') return 'latest';
  if (!/^-?\d+$/.test(raw)) throw errors.invalidVersion(raw);
  const n = Number(raw);
  if (n === -1) return 'latest';
  if (n < 1 || n > 2 ** 31 - 1) throw errors.invalidVersion(raw);
  return n;
}
