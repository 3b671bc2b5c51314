import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'url', 'util', 'stream', 'worker_threads'];

const frozenMigrations = {
  regex: '/migrations/\\d{4}-',
  message: 'Migrations are frozen: import only migrations/index.ts; code that needs a migration\'s SQL keeps its own copy.',
};

// The process boundaries of docs/architecture: every import path tells where code runs.
export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'dist/**', 'test-results/**', 'playwright-report/**', 'bench/.cache/**', '.electron-native/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-ignore': true, 'ts-expect-error': 'allow-with-description' }],
    },
  },
  {
    files: ['src/main/db/migrations/**/*.ts'],
    // Migrations are frozen in time and take Kysely<any> by design.
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // A migration is frozen: it imports kysely and nothing of ours, so a later change to shared
    // code can never change what an old migration produced. (index.ts only lists them.)
    files: ['src/main/db/migrations/**/*.ts'],
    ignores: ['src/main/db/migrations/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!kysely$)', message: 'A migration imports kysely and nothing else: copy what it needs into the migration.' }] },
      ],
    },
  },
  {
    // Nothing reaches into a migration: code that needs its SQL keeps its own copy.
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/db/migrations/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [frozenMigrations] },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', ...nodeBuiltins], message: 'shared/ is pure TypeScript: no electron, node or DOM.' },
            { group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'shared/ imports nothing from the processes.' },
            { group: ['kysely', 'better-sqlite3'], message: 'Only src/main/db imports the database libraries.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/main/**', '**/preload/**'], message: 'The renderer talks to main only through lib/api.ts.' },
            { group: ['electron', ...nodeBuiltins], message: 'The renderer is a web page: no electron or node.' },
            { group: ['kysely', 'better-sqlite3'], message: 'Only src/main/db imports the database libraries.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/main/**', '**/renderer/**', 'kysely', 'better-sqlite3'], message: 'The preload exposes channels, nothing else.' }] },
      ],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/db/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'better-sqlite3', message: 'Only src/main/db imports the database libraries.' },
          ],
          patterns: [
            { group: ['**/renderer/**', '**/preload/**'], message: 'main never imports renderer or preload code.' },
            { group: ['kysely', 'kysely/*'], message: 'SQL lives in src/main/db; services call repositories.' },
            frozenMigrations,
          ],
        },
      ],
    },
  },
);
