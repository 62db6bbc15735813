/**
 * Builds the renderer once per test run with Vite's build API. The e2e global setup calls it; a
 * test file run on its own calls it too and reuses a fresh enough bundle.
 */
import { existsSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { rendererConfig, rendererOutDir, repoRoot } from './paths';

/** Newest modification time under a folder (the renderer sources and the contract it imports). */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export function rendererIsFresh(): boolean {
  const index = join(rendererOutDir, 'index.html');
  if (!existsSync(index)) return false;
  const sources = Math.max(
    newestMtime(join(repoRoot, 'renderer')),
    newestMtime(join(repoRoot, 'electron', 'contract')),
    newestMtime(join(repoRoot, 'engine')),
    statSync(rendererConfig).mtimeMs,
  );
  return statSync(index).mtimeMs >= sources;
}

/**
 * Builds unless the bundle is newer than every source; CEP_E2E_REBUILD=1 forces a build.
 * `onlyIfMissing` (used per test file) trusts the global setup's build, so sources edited while
 * the suite runs do not trigger a rebuild per file.
 */
export async function ensureRendererBuilt({ onlyIfMissing = false } = {}): Promise<void> {
  const built = existsSync(join(rendererOutDir, 'index.html'));
  if (onlyIfMissing && built) return;
  if (process.env.CEP_E2E_REBUILD !== '1' && rendererIsFresh()) return;
  // Vitest sets NODE_ENV=test, and Vite would keep it: React's development build (twice the size, and
  // other behaviour) would be what the tests and the benchmarks load. Build what ships.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: rendererConfig, logLevel: 'warn', mode: 'production' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  if (!existsSync(join(rendererOutDir, 'index.html')))
    throw new Error(`Renderer build produced no index.html in ${rendererOutDir}`);
}
