import { fileURLToPath } from 'node:url';

/** Repository root, resolved from this file so tests work from any working directory. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const rendererConfig = fileURLToPath(new URL('../../../vite.renderer.config.ts', import.meta.url));
/** Where vite.renderer.config.ts writes the bundle (Forge's `main_window` renderer). */
export const rendererOutDir = fileURLToPath(new URL('../../../.vite/renderer/main_window', import.meta.url));
/** Screenshots and traces; gitignored. */
export const artifactsDir = fileURLToPath(new URL('../../../test-artifacts/e2e', import.meta.url));
