/**
 * Three projects: `pure` (engine, policy files, ID numbers, the console's
 * messages; no database), `db` (everything else; real PostgreSQL, embedded
 * unless DATABASE_URL is set) and `browser` (the console in Chromium against
 * the real product).
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
// pure and db: jest's Node environment keeping V8's compiled code across a worker's files
// (test/support/code-cache-environment.ts)
const testEnvironment = '<rootDir>/test/support/code-cache-environment.ts';
const pure = ['<rootDir>/test/engine/', '<rootDir>/test/admin/', '<rootDir>/test/policy/', '<rootDir>/test/pure/', '<rootDir>/test/demo/demo-activities.test.ts'];

module.exports = {
  testTimeout: 60000,
  projects: [
    {
      displayName: 'pure',
      testEnvironment,
      transform,
      transformIgnorePatterns,
      setupFiles: ['reflect-metadata', '<rootDir>/test/support/graphql-fast-checks.ts'],
      roots: ['<rootDir>/test'],
      testMatch: pure.map((p) => (p.endsWith(".test.ts") ? p : `${p}**/*.test.ts`)),
    },
    {
      displayName: 'db',
      testEnvironment,
      transform,
      transformIgnorePatterns,
      setupFiles: ['reflect-metadata', '<rootDir>/test/support/graphql-fast-checks.ts'],
      roots: ['<rootDir>/test'],
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: [...pure, '<rootDir>/test/e2e/console/'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      // the console in Chromium against the real product (test/e2e/console/support/global-setup.ts)
      displayName: 'browser',
      testEnvironment: 'node',
      transform,
      transformIgnorePatterns,
      roots: ['<rootDir>/test'],
      testMatch: ['<rootDir>/test/e2e/console/**/*.test.ts'],
      globalSetup: '<rootDir>/test/e2e/console/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/e2e/console/support/global-teardown.ts',
    },
  ],
};
