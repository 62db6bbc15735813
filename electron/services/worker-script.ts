/**
 * Where a worker thread's code is. From source (tests, the tsx web host) it is the .ts file beside the
 * caller, loaded through tsx. In the Electron build Forge's Vite plugin emits each worker as its own
 * entry (forge.config.ts) named <name>.cjs next to main.cjs, which contains the caller.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * A folder of workers bundled from source (<name>.cjs), run instead of loading the sources through
 * tsx: a worker started with `--import tsx` costs ~0.9 s of CPU and seconds under load before its
 * first line runs (its own loader thread, every module resolved and read through the hooks); a
 * bundle ~0.1 s. The web host sets it (electron/web/worker-bundles.ts); null: tsx, as before.
 */
let bundleDir: string | null = null;

export function useWorkerBundles(dir: string | null): void {
  bundleDir = dir;
}

/** The caller's module URL, also inside the CommonJS bundle where import.meta may be shimmed away. */
export function moduleUrlOf(metaUrl: string | undefined): string {
  return typeof metaUrl === 'string' ? metaUrl : pathToFileURL(__filename).href;
}

export function workerScript(callerUrl: string, name: string): { url: URL; execArgv: string[] } {
  if (callerUrl.endsWith('.ts')) {
    const bundle = bundleDir === null ? null : join(bundleDir, `${name}.cjs`);
    if (bundle !== null && existsSync(bundle)) return { url: pathToFileURL(bundle), execArgv: [] };
    return { url: new URL(`./${name}.ts`, callerUrl), execArgv: ['--import', 'tsx'] };
  }
  const bundled = new URL(`./${name}.cjs`, callerUrl);
  return {
    url: existsSync(fileURLToPath(bundled)) ? bundled : new URL(`./${name}.js`, callerUrl),
    execArgv: [],
  };
}
