/**
 * Where a worker thread's code is. From source (tests, the tsx web host) it is the .ts file beside the
 * caller, loaded through tsx. In the Electron build Forge's Vite plugin emits each worker as its own
 * entry (forge.config.ts) named <name>.cjs next to main.cjs, which contains the caller.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The caller's module URL, also inside the CommonJS bundle where import.meta may be shimmed away. */
export function moduleUrlOf(metaUrl: string | undefined): string {
  return typeof metaUrl === 'string' ? metaUrl : pathToFileURL(__filename).href;
}

export function workerScript(callerUrl: string, name: string): { url: URL; execArgv: string[] } {
  if (callerUrl.endsWith('.ts'))
    return { url: new URL(`./${name}.ts`, callerUrl), execArgv: ['--import', 'tsx'] };
  const bundled = new URL(`./${name}.cjs`, callerUrl);
  return {
    url: existsSync(fileURLToPath(bundled)) ? bundled : new URL(`./${name}.js`, callerUrl),
    execArgv: [],
  };
}
