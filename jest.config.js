/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2021',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  // Browser and LibreOffice tests start real programs.
  testTimeout: 60000,
  // Shared build of the pane for the Chromium tests.
  globalSetup: '<rootDir>/test/global-setup.ts',
};
