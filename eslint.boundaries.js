// Import boundaries: folder names say where code runs, and these rules keep it true.
//
// - lib/ (and bin/app.ts) is the CDK app: it synthesizes templates and never loads runtime
//   code. It may import lambda/contracts/ (dependency-free values both sides agree on) and
//   nothing else from lambda/ or cli/; constructs point at handler entry files by path.
// - lambda/ is what the Lambdas (and the CLI) run: no CDK, no terminal libraries, no infra.
// - lambda/registry-client/ is the REST client: it knows nothing of the engine or handlers.
// - lambda/migration/ (the engine) knows nothing of the handlers.
// - lambda/contracts/ imports nothing at all, so both sides can import it.
// - cli/ is terminal-only: it uses the engine, never the CDK app.
// Tests, scripts and benchmarks may import anything.
//
// A pattern matches the import specifier as written (relative paths included).

/** A rule entry for `no-restricted-imports`: a regex over the specifier and the reason. */
const forbid = (regex, message) => ({ regex, message });

const RUNTIME_CODE = forbid(
  '(^|/)(lambda/(?!contracts(/|$))|cli(/|$))',
  'lib/ imports no runtime code: only lambda/contracts/ (see eslint.boundaries.js).',
);
const RUNTIME_SDKS = forbid('^@aws-sdk/', 'lib/ is the CDK app: AWS SDK clients belong to runtime code in lambda/.');
const CDK = forbid(
  '^(aws-cdk-lib|constructs|cdk-nag)(/|$)',
  'Runtime code imports no CDK: it is bundled into Lambdas and the CLI (see eslint.boundaries.js).',
);
const TERMINAL = forbid('^(commander|cli-progress)(/|$)', 'Terminal libraries belong to cli/, not to code the Lambdas load.');
const INFRA = forbid('(^|/)lib(/|$)', 'Runtime code imports nothing from lib/ (the CDK app); shared values go to lambda/contracts/.');
const CLI_CODE = forbid('(^|/)cli(/|$)', 'Nothing outside cli/ imports the terminal code.');
const ENGINE = forbid('(^|/)(migration|handlers)(/|$)', 'The registry client imports nothing of the engine or the handlers.');
const HANDLERS = forbid('(^|/)handlers(/|$)', 'The engine imports nothing of the Lambda handlers.');
const ANYTHING = forbid('.', 'lambda/contracts/ is dependency-free: it imports nothing, so both lib/ and lambda/ can import it.');

const rule = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

module.exports.importBoundaries = [
  { files: ['lib/**/*.ts', 'bin/app.ts'], rules: rule(RUNTIME_CODE, RUNTIME_SDKS, TERMINAL) },
  { files: ['lambda/**/*.ts'], rules: rule(CDK, TERMINAL, INFRA, CLI_CODE) },
  { files: ['lambda/migration/**/*.ts'], rules: rule(CDK, TERMINAL, INFRA, CLI_CODE, HANDLERS) },
  { files: ['lambda/registry-client/**/*.ts'], rules: rule(CDK, TERMINAL, INFRA, CLI_CODE, ENGINE) },
  { files: ['lambda/contracts/**/*.ts'], rules: rule(ANYTHING) },
  { files: ['cli/**/*.ts', 'bin/sr-migrate.ts'], rules: rule(CDK, INFRA) },
];
