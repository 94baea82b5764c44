#!/usr/bin/env node
// Published entry of the sr-migrate CLI: runs the TypeScript source through tsx,
// so `npx sr-migrate` works from a fresh clone after `npm ci` with no build step.
require('tsx/cjs');
require('./sr-migrate.ts');
