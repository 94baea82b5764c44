import * as fs from 'node:fs';
import * as path from 'node:path';
import { DOCKERFILE, ENTRYPOINT, ENTRYPOINT_PARTS_DIR } from './support/paths';
import { contract } from './support/fixtures';

const script = fs.readFileSync(ENTRYPOINT, 'utf8');
const parts = fs.readdirSync(ENTRYPOINT_PARTS_DIR).filter((f) => f.endsWith('.sh'));
/** entrypoint.sh and every part it sources, without comment lines. */
const code = [script, ...parts.map((f) => fs.readFileSync(path.join(ENTRYPOINT_PARTS_DIR, f), 'utf8'))]
  .join('\n')
  .split('\n')
  .filter((line) => !line.trimStart().startsWith('#'))
  .join('\n');

/** Names listed under "Internal variables" in the script header: allowed, but not part of the contract. */
function documentedInternalNames(): string[] {
  const header = script.slice(script.indexOf('# Internal variables'), script.indexOf('set -eu'));
  return [...header.matchAll(/^#\s{2,}([A-Z][A-Z0-9_]+)\s/gm)].map((m) => m[1]);
}

/** SR_* names the script reads: $NAME, ${NAME...}, or passed by name to a helper. */
function srNamesReadByScript(): string[] {
  const names = new Set<string>();
  for (const m of code.matchAll(/\$\{?(SR_[A-Z0-9_]+)/g)) names.add(m[1]);
  for (const m of code.matchAll(/\b(?:require_var|require_printable_ascii|value_of)\s+(SR_[A-Z0-9_]+)/g)) names.add(m[1]);
  return [...names].sort();
}

describe('env-contract.json <-> entrypoint.sh', () => {
  test.each(Object.entries({ ...contract.environment, ...contract.secrets }))(
    'contract name %s (%s) is read by the entrypoint',
    (_key, name) => {
      expect(code).toMatch(new RegExp(`\\$\\{?${name}\\b|\\b(?:require_var|require_printable_ascii)\\s+${name}\\b`));
    },
  );

  test('every SR_* variable the entrypoint reads is in the contract or documented as internal', () => {
    const allowed = new Set([...Object.values(contract.environment), ...Object.values(contract.secrets), ...documentedInternalNames()]);
    const read = srNamesReadByScript();

    expect(read.length).toBeGreaterThan(5);
    expect(read.filter((name) => !allowed.has(name))).toEqual([]);
  });

  test('every documented internal variable is actually read (the list does not rot)', () => {
    const referenced = new Set([...code.matchAll(/\$\{?([A-Z][A-Z0-9_]+)/g)].map((m) => m[1]));
    const internal = documentedInternalNames();

    expect(internal).toContain('SCHEMA_REGISTRY_LAUNCHER');
    expect(internal.filter((name) => !referenced.has(name))).toEqual([]);
  });

  test('internal variables do not shadow contract names', () => {
    const contractNames = new Set([...Object.values(contract.environment), ...Object.values(contract.secrets)]);
    expect(documentedInternalNames().filter((name) => contractNames.has(name))).toEqual([]);
  });

  test('every secret is removed from the environment before the launcher starts', () => {
    const unsetLine = code.split('\n').find((line) => /^unset SR_/.test(line));
    expect(unsetLine).toBeDefined();
    expect(unsetLine!.split(/\s+/).slice(1).sort()).toEqual(Object.values(contract.secrets).sort());
    expect(code.indexOf(unsetLine!)).toBeLessThan(code.lastIndexOf('exec "${SCHEMA_REGISTRY_LAUNCHER'));
  });

  test('entrypoint.sh sources every part in entrypoint.d (and nothing else)', () => {
    const sourced = [...script.matchAll(/^\. "\$parts_dir\/([\w-]+\.sh)"$/gm)].map((m) => m[1]);
    expect(sourced.sort()).toEqual([...parts].sort());
  });

  test('the image serves the contract port and health path', () => {
    const dockerfile = fs.readFileSync(DOCKERFILE, 'utf8');
    expect(dockerfile).toMatch(new RegExp(`^EXPOSE ${contract.port}$`, 'm'));
    expect(dockerfile).toContain(`http://localhost:${contract.port}${contract.healthPath}`);
    expect(code).toContain(`http://0.0.0.0:${contract.port}`);
  });
});
