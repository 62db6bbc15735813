// Flat config: type-aware typescript-eslint plus the layering rules that keep engine/ pure
// and the renderer free of Electron and Node. The layering is enforced here, not by goodwill.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import prettier from 'eslint-config-prettier';
import { defineConfig } from 'eslint/config';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'url',
  'util',
  'stream',
  'zlib',
  'worker_threads',
  'events',
  'readline',
];

const uiLibraries = [
  'react',
  'react-*',
  'react/*',
  '@xyflow/*',
  'monaco-editor',
  'monaco-editor/*',
  'zustand',
  'zustand/*',
];

export default defineConfig(
  {
    ignores: [
      'node_modules/**',
      '.vite/**',
      'out/**',
      '**/dist/**',
      'test-artifacts/**',
      'coverage/**',
      'schema/**',
      '**/*.d.ts',
      'bin/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.es2023 },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'off',
      '@typescript-eslint/no-implied-eval': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.node } },
  },
  // engine/: pure TypeScript. No UI, no Electron, no Node, no SQLite, no wall clock.
  {
    files: ['engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: uiLibraries,
              message: 'engine/ must not depend on UI libraries.',
            },
            { group: ['electron', 'electron/*'], message: 'engine/ must not import Electron.' },
            {
              group: ['better-sqlite3'],
              message: 'engine/ must not touch SQLite; storage lives in electron/services.',
            },
            {
              group: nodeBuiltins,
              message:
                'engine/ must not import Node built-ins: it runs in the renderer, the CLI and servers alike.',
            },
            {
              group: ['**/renderer/**', '**/electron/**', '**/cli/**', '**/node/**'],
              message: 'engine/ is the bottom layer: it imports nothing from the app.',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'Date',
          property: 'now',
          message: 'engine/ takes time from its input, never from the wall clock.',
        },
        {
          object: 'performance',
          property: 'now',
          message: 'engine/ takes time from its input, never from the wall clock.',
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'engine/ takes time from its input, never from the wall clock.',
        },
      ],
      'no-restricted-globals': [
        'error',
        'process',
        'require',
        'window',
        'document',
        'setTimeout',
        'setInterval',
      ],
    },
  },
  // renderer/: DOM + React + the typed contract. Never Electron, Node or SQLite.
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // A component subscribes to a store through a selector: with no selector it re-renders on every
      // change to any field (a key typed in a condition, a replay step), not only the ones it shows.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.name=/^use\\w*Store$/][arguments.length=0]',
          message: 'Subscribe through a selector (useXStore((s) => s.field)), never to the whole store.',
        },
        {
          selector: "CallExpression[callee.name='useStore'][arguments.length<2]",
          message: 'Subscribe through a selector (useStore(api, (s) => s.field)), never to the whole store.',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            // A regex, not the group ['electron/*'], so the relative '../../electron/contract' import stays allowed.
            {
              regex: '^electron(/.*)?$',
              message: 'The renderer talks to the back end only through the typed contract (renderer/api).',
            },
            { group: ['better-sqlite3'], message: 'The renderer never opens the database.' },
            { group: nodeBuiltins, message: 'The renderer runs sandboxed: no Node built-ins.' },
            {
              group: [
                '**/electron/main/**',
                '**/electron/services/**',
                '**/electron/preload/**',
                '**/electron/web/**',
                '**/cli/**',
                '**/node/**',
              ],
              message: 'The renderer may import only electron/contract from the back end.',
            },
          ],
        },
      ],
    },
  },
  // electron/contract: shared by both sides, so it must stay free of Electron and Node.
  {
    files: ['electron/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*', 'better-sqlite3', ...nodeBuiltins, '**/node/**'],
              message: 'The contract is shared with the renderer: types and zod only.',
            },
          ],
        },
      ],
    },
  },
  // node/: Node code shared by the CLI, library users and the app's services (the recordings
  // readers). Node built-ins yes; Electron, the UI, SQLite and the app's folders no.
  // cli/: the installable command line stays as light: engine/ and node/ only.
  {
    files: ['node/**/*.ts', 'cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^electron(/.*)?$',
              message: 'node/ and cli/ run without Electron (CLI, servers, tests).',
            },
            {
              group: [...uiLibraries, 'better-sqlite3'],
              message: 'node/ and cli/ are installed without the app: no UI libraries, no SQLite.',
            },
            {
              group: ['**/renderer/**', '**/electron/**', '**/bench/**', '**/test/**'],
              message:
                'node/ and cli/ import only engine/ and node/: code under electron/ belongs to the app.',
            },
          ],
        },
      ],
      // The cepheus package carries one engine build (its entry point): values come from there.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/engine/**'],
              allowTypeImports: true,
              message:
                "Import values from the engine's entry point ('../engine'); export them there if needed (scripts/build-packages.mjs bundles the CLI against it).",
            },
          ],
        },
      ],
    },
  },
  // Services run in plain Node for tests and the web host: they never import Electron.
  {
    files: ['electron/services/**/*.ts', 'electron/web/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*'],
              message:
                'Services must run without Electron (tests, web host). Keep electron imports in electron/main.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...nodeBuiltins, 'better-sqlite3', '**/services/**', '**/main/**'],
              message: 'The sandboxed preload may import only electron and the contract.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'electron/**/*.ts',
      'cli/**/*.ts',
      'test/**/*.ts',
      'bench/**/*.ts',
      'scripts/**/*.ts',
      'samples/**/*.ts',
      '*.config.ts',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  prettier,
);
