import { randomBytes } from 'node:crypto';

export const DEFAULT_SMOKE_CONTEXT = '.sr-migrate-smoke';

/** Reserved names and the default context cannot hold a throwaway subject. */
const RESERVED = new Set(['.', '.__GLOBAL', '.__EMPTY']);

/**
 * `name` or `.name` → `.name`. Letters, digits, `.`, `_`, `-` only: the name goes into URLs
 * and qualified subjects (`:.name:subject`), where `:` and `/` would change the meaning.
 */
export function normaliseSmokeContext(raw: string): string {
  const context = raw.startsWith('.') ? raw : `.${raw}`;
  if (!/^\.[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(context) || RESERVED.has(context)) {
    throw new Error(
      `--context ${JSON.stringify(raw)} is not a usable smoke context: use a dedicated named context such as ${DEFAULT_SMOKE_CONTEXT} ` +
        '(letters, digits, ".", "_", "-"; not the default context)',
    );
  }
  return context;
}

/** A subject name no other run uses: `smoke-<UTC timestamp>-<random hex>`. */
export function newRunId(date = new Date()): string {
  const stamp = date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `${stamp}-${randomBytes(4).toString('hex')}`;
}

export function smokeSubject(context: string, runId: string): string {
  return `:${context}:smoke-${runId}`;
}
