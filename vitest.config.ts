import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// engine/ is also the @cepheus/engine package, whose `exports` point at its built dist/ (absent in a
// fresh clone); the `cepheus-source` condition resolves imports of the engine folder to its sources.
const resolve = { conditions: ['cepheus-source', ...defaultClientConditions] };
const ssr = { resolve: { conditions: ['cepheus-source', ...defaultServerConditions] } };

// Two projects: fast unit/property tests, and browser end-to-end tests that drive Debian's
// Chromium against the web host. They share one command so the closing summary counts both.
export default defineConfig({
  test: {
    projects: [
      {
        resolve,
        ssr,
        test: {
          name: 'unit',
          include: [
            'test/unit/**/*.test.ts',
            'engine/**/*.test.ts',
            'electron/**/*.test.ts',
            'cli/**/*.test.ts',
            'node/**/*.test.ts',
            'renderer/**/*.test.ts',
          ],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        resolve,
        ssr,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // Builds the renderer once for all e2e files (skipped when the bundle is newer than its sources).
          globalSetup: ['test/e2e/support/global-setup.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // expect.poll waits for what the UI shows; its 1 s default fails on a loaded machine.
          expect: { poll: { timeout: 15_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
