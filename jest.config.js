/** Jest: @swc/jest transpiles TypeScript (ts-jest does not support TypeScript 7). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': ['@swc/jest'],
  },
  setupFilesAfterEnv: ['aws-cdk-lib/testhelpers/jest-autoclean', '<rootDir>/test/setup/snapshot-serializers.ts'],
  // CDK synth in tests is CPU-bound; two workers match the 2-core CI machine.
  maxWorkers: 2,
  testTimeout: 60_000,
};
