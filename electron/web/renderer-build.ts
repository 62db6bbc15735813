/**
 * Makes sure a renderer build exists before the web host serves it: builds with Vite's JS API
 * (the same vite.renderer.config.ts Forge uses) when the output is missing or older than any
 * renderer, engine or contract source file.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export type BuildMode = 'auto' | 'always' | 'never';

/** Folders and files whose changes require a new renderer bundle. */
const SOURCES = ['renderer', 'engine', 'electron/contract', 'vite.renderer.config.ts'];

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

/** True when `rendererDir/index.html` is missing or older than the newest source. */
export function rendererIsStale(projectRoot: string, rendererDir: string): boolean {
  const index = path.join(rendererDir, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return SOURCES.some((source) => newestMtime(path.join(projectRoot, source)) > built);
}

/** Builds if needed; returns whether a build ran. Throws with Vite's message if the build fails. */
export async function ensureRendererBuilt(
  projectRoot: string,
  rendererDir: string,
  mode: BuildMode,
): Promise<boolean> {
  if (mode === 'never') return false;
  if (mode === 'auto' && !rendererIsStale(projectRoot, rendererDir)) return false;
  const { build } = await import('vite');
  await build({
    configFile: path.join(projectRoot, 'vite.renderer.config.ts'),
    logLevel: 'warn',
    build: { outDir: rendererDir, emptyOutDir: true },
  });
  return true;
}
