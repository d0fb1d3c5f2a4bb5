import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

// What the domain may not import, shared by the domain's rules below (a later no-restricted-imports replaces
// an earlier one, so each block repeats these).
const DOMAIN_PATTERNS = [
  { group: ['react', 'react-dom', '@fluentui/*'], message: 'The domain has no UI.' },
  { group: ['node:*', 'fs', 'path'], message: 'The domain does not touch the file system.' },
  {
    group: ['**/word/**', '**/taskpane/**', '**/docx/**', '**/cli/**'],
    message: 'The domain depends on nothing else in src.',
  },
];

// Every domain folder but ooxml/ (ooxml/ may use the domain's top-level modules: errors, text).
const OTHER_DOMAIN_FOLDERS = [
  'catalog',
  'check',
  'documents',
  'forms',
  'review',
  'spreadsheet',
  'store',
  'table',
  'tt57',
  'year',
];

// The front ends reach .docx files through src/app (open, check, the use cases, and app/docx for the
// in-memory DocumentBackend), never through src/docx's internals.
const NO_DOCX = {
  group: ['**/docx', '**/docx/*'],
  message: 'src/taskpane and src/cli reach .docx files through src/app (app/open, app/check, app/docx-backend…), not src/docx.',
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { react, 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    settings: { react: { version: '18' } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs['jsx-runtime'].rules,
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-globals': [
        'error',
        { name: 'Office', message: 'Office.js is used only in src/word.' },
        { name: 'Word', message: 'Office.js is used only in src/word.' },
      ],
    },
  },
  {
    // The domain is pure TypeScript: no Office, no React, no DOM, no Node.
    files: ['src/domain/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: DOMAIN_PATTERNS }] },
  },
  {
    // ooxml/ is generic WordprocessingML: it knows nothing of catalogs, forms, tables, the checker or years.
    files: ['src/domain/ooxml/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...DOMAIN_PATTERNS,
            {
              group: OTHER_DOMAIN_FOLDERS.flatMap((f) => [`../${f}`, `../${f}/**`]),
              message: 'ooxml/ is generic WordprocessingML: it imports no other domain folder.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/taskpane/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/word/*', '!**/word/host'], message: 'The pane talks to DocumentBackend, not to Word.' },
            NO_DOCX,
          ],
        },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_DOCX] }] },
  },
  {
    // Word is the other backend: it shares the domain with src/docx, not src/docx itself.
    files: ['src/word/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/docx', '**/docx/*'], message: 'src/word does not import src/docx: both build on src/domain.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/word/**/*.ts', 'test/word/**/*.ts'],
    rules: { 'no-restricted-globals': 'off' },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
