/**
 * Two projects: `pure` (engine, policy files, ID numbers; no database) and
 * `db` (everything else, browser tests included; real PostgreSQL, embedded
 * unless DATABASE_URL is set).
 */
const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: {
        target: 'es2022',
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
      },
    },
  ],
};
// jose is published as ESM only; jest (on Node 20) needs it compiled to CommonJS.
transform['^.+\\.m?js$'] = ['@swc/jest', { jsc: { target: 'es2022' } }];
const transformIgnorePatterns = ['/node_modules/(?!(jose)/)'];
const pure = ['<rootDir>/test/engine/', '<rootDir>/test/policy/', '<rootDir>/test/pure/', '<rootDir>/test/demo/demo-activities.test.ts'];

module.exports = {
  testTimeout: 60000,
  projects: [
    {
      displayName: 'pure',
      testEnvironment: 'node',
      transform,
      transformIgnorePatterns,
      setupFiles: ['reflect-metadata', '<rootDir>/test/support/graphql-fast-checks.ts'],
      roots: ['<rootDir>/test'],
      testMatch: pure.map((p) => (p.endsWith(".test.ts") ? p : `${p}**/*.test.ts`)),
    },
    {
      displayName: 'db',
      testEnvironment: 'node',
      transform,
      transformIgnorePatterns,
      setupFiles: ['reflect-metadata', '<rootDir>/test/support/graphql-fast-checks.ts'],
      roots: ['<rootDir>/test'],
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: pure,
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
