import { defineConfig } from 'vitest/config';

// Two projects: fast unit/property tests, and browser end-to-end tests that drive Debian's
// Chromium against the web host. They share one command so the closing summary counts both.
export default defineConfig({
  test: {
    projects: [
      {
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
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // Builds the renderer once for all e2e files (skipped when the bundle is newer than its sources).
          globalSetup: ['test/e2e/support/global-setup.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
