import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The import graph of the source tree (lib/, lambda/, cli/, bin/): relative imports only
 * (packages are leaves), type-only imports included, since a type-only cycle still couples the
 * modules and breaks a clean layering. Which folder may import which is ESLint's job
 * (eslint.boundaries.js); this test keeps the graph acyclic.
 */
const ROOT = resolve(__dirname, '..');
const LIB = join(ROOT, 'lib');
const SOURCE_DIRS = ['lib', 'lambda', 'cli', 'bin'].map((dir) => join(ROOT, dir));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'/g;

/** Files a module imports, resolved to paths (`./x` -> `x.ts` or `x/index.ts`). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)]
    .map((match) => match[1])
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => {
      const base = resolve(dirname(file), specifier);
      for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) {
        try {
          if (statSync(candidate).isFile()) return candidate;
        } catch {
          // try the next candidate
        }
      }
      return base;
    });
}

const graph = new Map(SOURCE_DIRS.flatMap(sourceFiles).map((file) => [file, importsOf(file)]));

/** Every cycle reachable in the graph, each as the list of files along it. */
function cycles(): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'visiting');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'visiting') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next) && graph.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return found.map((cycle) => cycle.map((file) => relative(ROOT, file)));
}

test('the source tree has no import cycles (type-only imports included)', () => {
  expect(cycles()).toEqual([]);
});

test('the graph is read at all (a broken import pattern would make the checks above vacuous)', () => {
  const configIndex = join(LIB, 'config', 'index.ts');
  expect(graph.get(configIndex)).toContain(join(LIB, 'config', 'environment-config.ts'));
  expect(graph.get(join(ROOT, 'bin', 'sr-migrate.ts'))).toContain(join(ROOT, 'cli', 'index.ts'));
});
