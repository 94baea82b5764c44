// ESLint flat config (CommonJS): @eslint/js and typescript-eslint recommended sets, with
// eslint-config-prettier last so no stylistic rule fights Prettier (`npm run format:check`).
//
// Why the resolve hook below: this repository type-checks with TypeScript 7 (the native
// compiler), which ships no JavaScript compiler API. typescript-eslint parses with that API
// and supports TypeScript < 6.1, so TypeScript 6.0 is installed under the alias
// `typescript-for-eslint` and handed to the @typescript-eslint packages only. The
// `"overrides": {"typescript": "$typescript"}` entry in package.json silences their peer
// range; nothing else in the tree sees the alias.
const Module = require('node:module');
const path = require('node:path');

// Packages that must see TypeScript 6.0 (typescript-eslint and its helpers).
const TS6_CONSUMERS = ['typescript-eslint', '@typescript-eslint', 'ts-api-utils'].map(
  (name) => `${path.sep}node_modules${path.sep}${name.split('/').join(path.sep)}${path.sep}`,
);
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveTypescriptForEslint(request, parent, ...rest) {
  const isTypescript = request === 'typescript' || request.startsWith('typescript/');
  const wantsTs6 = isTypescript && TS6_CONSUMERS.some((dir) => parent?.filename?.includes(dir));
  return resolveFilename.call(this, wantsTs6 ? request.replace(/^typescript/, 'typescript-for-eslint') : request, parent, ...rest);
};

const js = require('@eslint/js');
const { importBoundaries } = require('./eslint.boundaries');
const tseslint = require('typescript-eslint');
const prettier = require('eslint-config-prettier');

module.exports = tseslint.config(
  {
    ignores: ['node_modules/', 'cdk.out/', 'cdk.out.*/', 'coverage/', 'dist/', 'bench/out/', '**/*.d.ts', '.cdk.staging/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: {
        // Node (CommonJS) and jest globals; the project has no browser code.
        require: 'readonly',
        module: 'writable',
        exports: 'writable',
        __dirname: 'readonly',
        __filename: 'readonly',
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        URLSearchParams: 'readonly',
        AbortController: 'readonly',
        AbortSignal: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
        fetch: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        setImmediate: 'readonly',
        clearImmediate: 'readonly',
        queueMicrotask: 'readonly',
        structuredClone: 'readonly',
        NodeJS: 'readonly',
      },
    },
    rules: {
      // `_unused` is the convention for deliberately ignored bindings (e.g. rest-destructuring).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // `import x = require('cjs-module')` is TypeScript's typed CommonJS import; a bare require() is not.
      '@typescript-eslint/no-require-imports': ['error', { allowAsImport: true }],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Tests read synthesized CloudFormation JSON and raw HTTP bodies, which are untyped by nature.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: {
      // Plain CommonJS files (configs, the bin wrapper) load modules with require().
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  // Where code runs decides what it may import (eslint.boundaries.js).
  ...importBoundaries,
  // Opt-in type-aware checks for runtime code (ESLINT_TYPED=1 npm run lint): unawaited promises
  // in the engine, CLI and handlers. Off by default: it type-checks through the TypeScript 6 API
  // and takes several times as long as the rest of the lint (about 50 s of CPU for lambda/, scripts/, bin/).
  ...(process.env.ESLINT_TYPED === '1'
    ? [
        {
          files: ['lambda/**/*.ts', 'scripts/**/*.ts', 'bin/**/*.ts'],
          languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: __dirname } },
          rules: {
            '@typescript-eslint/no-floating-promises': 'error',
            '@typescript-eslint/no-misused-promises': 'error',
          },
        },
      ]
    : []),
  prettier,
);
