import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

/**
 * The import boundaries (eslint.boundaries.js) fire on a wrong import and stay quiet on a
 * right one. Runs the repository's real ESLint config in one child process (plain Node, as
 * `npm run lint` does) over in-memory files at the paths the rules are scoped to.
 */
const ROOT = path.resolve(__dirname, '..');

interface Case {
  readonly file: string;
  readonly code: string;
}

const LINT_CASES = `
const { ESLint } = require('eslint');
(async () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const cases = JSON.parse(process.argv[1]);
  const out = [];
  for (const c of cases) {
    const [result] = await eslint.lintText(c.code, { filePath: c.file });
    out.push(result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message));
  }
  process.stdout.write(JSON.stringify(out));
})();
`;

function restrictedImports(cases: readonly Case[]): string[][] {
  const output = execFileSync(process.execPath, ['-e', LINT_CASES, JSON.stringify(cases)], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(output) as string[][];
}

const use = (specifier: string, name = 'x') => `import { ${name} } from '${specifier}';\nexport const y = ${name};\n`;

test('wrong imports across the boundaries are errors; the allowed ones are not', () => {
  const wrong: Case[] = [
    { file: 'lib/constructs/backup/example.ts', code: use('../../../lambda/handlers/backup') },
    { file: 'lib/stacks/example.ts', code: use('../../cli/connect') },
    { file: 'lib/stacks/example.ts', code: use('@aws-sdk/client-s3', 'S3Client') },
    { file: 'lambda/handlers/example.ts', code: use('aws-cdk-lib', 'Stack') },
    { file: 'lambda/migration/import/example.ts', code: use('commander', 'Command') },
    { file: 'lambda/migration/import/example.ts', code: use('../../handlers/log') },
    { file: 'lambda/handlers/example.ts', code: use('../../lib/config') },
    { file: 'lambda/registry-client/example.ts', code: use('../migration/import') },
    { file: 'lambda/contracts/example.ts', code: use('node:path', 'join') },
    { file: 'cli/commands/example.ts', code: use('constructs', 'Construct') },
  ];
  const allowed: Case[] = [
    { file: 'lib/constructs/backup/example.ts', code: use('../../../lambda/contracts/backup') },
    { file: 'lambda/handlers/example.ts', code: use('../migration/import') },
    { file: 'lambda/migration/import/example.ts', code: use('../../registry-client/names') },
    { file: 'cli/commands/example.ts', code: use('../../lambda/migration/import') },
    { file: 'test/lib/example.test.ts', code: use('../../lambda/handlers/backup') },
  ];
  const results = restrictedImports([...wrong, ...allowed]);
  wrong.forEach((c, at) => expect({ file: c.file, fired: results[at].length > 0 }).toEqual({ file: c.file, fired: true }));
  allowed.forEach((c, at) => expect({ file: c.file, messages: results[wrong.length + at] }).toEqual({ file: c.file, messages: [] }));
  // The message says why and where the rule lives.
  expect(results[0][0]).toMatch(/lib\/ imports no runtime code: only lambda\/contracts\//);
}, 60_000);
