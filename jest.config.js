/**
 * Two projects:
 * - unit: domain, docx, cli, word and the pane's pure modules — no webpack build, no browser, no LibreOffice
 *   (`npm run test:unit`);
 * - slow: the Chromium suites (*.browser.test.ts), the LibreOffice suites (*.render.test.ts) and the tests of
 *   the pane build (bundle, deploy); they share one build of the pane (test/global-setup.ts).
 * `npm test` runs both.
 */
const SLOW = ['\\.browser\\.test\\.tsx?$', '\\.render\\.test\\.tsx?$', '/test/taskpane/(bundle|deploy)\\.test\\.ts$'];

/** @type {import('jest').Config} */
const base = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
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
};

/** @type {import('jest').Config} */
module.exports = {
  // Browser and LibreOffice tests start real programs.
  testTimeout: 60000,
  projects: [
    {
      ...base,
      displayName: 'unit',
      testMatch: ['**/*.test.ts', '**/*.test.tsx'],
      testPathIgnorePatterns: ['/node_modules/', ...SLOW],
    },
    {
      ...base,
      displayName: 'slow',
      testRegex: SLOW,
      // Shared build of the pane for the Chromium tests.
      globalSetup: '<rootDir>/test/global-setup.ts',
    },
  ],
};
