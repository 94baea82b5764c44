import { readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { IgnoreStrategy } from 'aws-cdk-lib';
import { MIGRATION_WRITABLE_PATHS } from '../../../lib/constructs/migration/migration-task';
import { MIGRATION_DOCKERFILE, MIGRATION_DOCKERIGNORE, migrationImageExcludes } from '../../../lib/constructs/migration/task-image';
import { readInstructions, type Instruction } from '../schema-registry/support/dockerfile';

const ROOT = resolve(__dirname, '..', '..', '..');
const instructions = readInstructions(join(ROOT, MIGRATION_DOCKERFILE));
const of = (keyword: string): Instruction[] => instructions.filter((i) => i.keyword === keyword);
const ignore = IgnoreStrategy.docker(ROOT, migrationImageExcludes());
const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

/** A relative import of a runtime module (not `import type`), or a `require`. */
const IMPORT =
  /(?:^|\n)\s*(?:import(?!\s+type\b)|export(?!\s+type\b))\s[^'"]*?from\s+'([^']+)'|require\('([^']+)'\)|import\s+\w+\s*=\s*require\('([^']+)'\)/g;

/** Every file the CLI loads at run time, from its published entry (bin/sr-migrate.js), and the packages they need. */
function cliClosure(): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2] ?? match[3];
      if (!specifier.startsWith('.')) {
        const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
        if (!specifier.startsWith('node:') && !builtinModules.includes(name)) packages.add(name);
        continue;
      }
      const base = resolve(dirname(file), specifier);
      const target = [base, `${base}.ts`, join(base, 'index.ts')].find((candidate) => {
        try {
          return statSync(candidate).isFile();
        } catch {
          return false;
        }
      });
      if (!target) throw new Error(`${relative(ROOT, file)} imports ${specifier}, which does not resolve`);
      visit(target);
    }
  };
  visit(join(ROOT, 'bin', 'sr-migrate.js'));
  return { files, packages };
}

describe('docker/sr-migrate/Dockerfile', () => {
  test('one stage, FROM an exact Node.js 22 release on Debian slim', () => {
    const from = of('FROM');
    expect(from).toHaveLength(1);
    expect(from[0].args).toMatch(/^node:22\.\d+\.\d+-(bookworm|trixie)-slim(@sha256:[0-9a-f]{64})?$/);
  });

  test('installs exactly the lock file’s production dependencies, without install scripts', () => {
    const runs = of('RUN').map((i) => i.args);
    const install = runs.find((r) => r.includes('npm '));
    expect(install).toMatch(/^npm ci --omit=dev --ignore-scripts\b/);
    // The lock file is copied before the install, the code after (so code changes reuse the dependency layer).
    const copies = of('COPY');
    const lockCopy = copies.find((c) => c.args.includes('package-lock.json'))!;
    const installIndex = of('RUN').find((r) => r.args === install)!.index;
    expect(lockCopy.index).toBeLessThan(installIndex);
    expect(copies.filter((c) => c.index > installIndex).map((c) => c.args)).toEqual([
      'tsconfig.json ./',
      'bin/ ./bin/',
      'cli/ ./cli/',
      'lambda/ ./lambda/',
    ]);
  });

  test('runs as the non-root node user, with the CLI as entrypoint', () => {
    const user = of('USER');
    expect(user.map((u) => u.args)).toEqual(['node']);
    // Nothing runs as root after the switch, and the entrypoint comes after it.
    expect(instructions.filter((i) => i.index > user[0].index).map((i) => i.keyword)).toEqual(['ENTRYPOINT', 'CMD']);
    expect(of('ENTRYPOINT')[0].args).toBe('["node", "/app/bin/sr-migrate.js"]');
    expect(of('WORKDIR').map((w) => w.args)).toEqual(['/app', '/work']);
  });

  test('declares as volumes exactly the paths the task mounts writable (its root filesystem is read-only)', () => {
    const declared = JSON.parse(of('VOLUME')[0].args) as string[];
    expect(declared).toEqual(MIGRATION_WRITABLE_PATHS.map(([, path]) => path));
  });
});

describe('build context (docker/sr-migrate/Dockerfile.dockerignore)', () => {
  const closure = cliClosure();

  test('is an allow-list: everything is out unless named', () => {
    expect(migrationImageExcludes()[0]).toBe('*');
    for (const path of [
      'node_modules/commander/package.json',
      'cdk.out/manifest.json',
      'lib/stages/registry-stage.ts',
      'test/setup/snapshot-serializers.ts',
      'README.md',
      '.git/HEAD',
    ]) {
      expect([path, ignore.ignores(join(ROOT, path))]).toEqual([path, true]);
    }
    expect(ignore.ignores(join(ROOT, 'lambda', 'handlers', 'backup.ts'))).toBe(true);
  });

  test('holds every file the CLI loads, the package files and the Dockerfile', () => {
    expect(closure.files.size).toBeGreaterThan(50);
    const missing = [...closure.files].filter((file) => ignore.ignores(file)).map((file) => relative(ROOT, file));
    expect(missing).toEqual([]);
    for (const path of [
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      MIGRATION_DOCKERFILE,
      relative(ROOT, MIGRATION_DOCKERIGNORE),
    ]) {
      expect([path, ignore.ignores(join(ROOT, path))]).toEqual([path, false]);
    }
  });

  test('the CDK packages the image removes after the install are ones the CLI never loads', () => {
    const install = of('RUN').find((r) => r.args.includes('npm ci'))!.args;
    const removed = [...install.matchAll(/node_modules\/(\S+)/g)].map((m) => m[1]);
    expect(removed).toEqual(['aws-cdk-lib', 'cdk-nag', 'constructs', '@cdklabs/cdk-validator-cfnguard']);
    for (const name of removed) {
      expect([name, name in packageJson.dependencies, closure.packages.has(name)]).toEqual([name, true, false]);
    }
  });

  test('every package the CLI loads is a production dependency (npm ci --omit=dev installs it)', () => {
    const devOnly = [...closure.packages].filter((name) => !(name in packageJson.dependencies));
    expect(devOnly).toEqual([]);
    expect(closure.packages).toContain('tsx');
    expect(closure.packages).toContain('@aws-sdk/client-ecs');
  });
});
