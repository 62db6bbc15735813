/**
 * The web host runs from source (tsx). Its import and parse workers would each load every module
 * through tsx's hooks at every import (~0.9 s CPU per worker, seconds under load, before the first
 * row); the Electron build runs them as bundles (forge.config.ts). Here the host bundles the same
 * two entries with esbuild once at start, in the background, and the workers run the bundle from
 * then on (worker-script.ts). Until it is ready, or if it fails, they load through tsx as before.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { useWorkerBundles } from '../services/worker-script';

/** Bundled as the Electron build does them: each is started by name from worker-script.ts. */
const ENTRIES: Record<string, string> = {
  'import-worker': 'electron/services/recordings/import/import-worker.ts',
  'parse-worker': 'electron/services/recordings/import/parse-worker.ts',
};

/**
 * Builds the bundles into node_modules/.cache/cepheus-workers/<hash of their text>/, so hosts
 * started side by side (tests) share a folder, and a folder never changes once written: a host
 * never runs a half-written or newer bundle. Returns the folder.
 */
export async function buildWorkerBundles(projectRoot: string): Promise<string> {
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: projectRoot,
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, file])),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // A native module: loaded from node_modules, which is an ancestor of the cache folder.
    external: ['better-sqlite3'],
    // As vite.main.config.ts: the engine folder's sources, not its built package.
    conditions: ['cepheus-source'],
    outdir: 'out',
    outExtension: { '.js': '.cjs' },
    write: false,
    logLevel: 'silent',
  });
  const hash = createHash('sha256');
  for (const file of result.outputFiles) hash.update(path.basename(file.path)).update(file.contents);
  const root = path.join(projectRoot, 'node_modules', '.cache', 'cepheus-workers');
  const dir = path.join(root, hash.digest('hex').slice(0, 16));
  if (existsSync(dir)) return dir;
  const partial = path.join(root, `.partial-${randomBytes(6).toString('hex')}`);
  mkdirSync(partial, { recursive: true });
  try {
    for (const file of result.outputFiles)
      writeFileSync(path.join(partial, path.basename(file.path)), file.contents);
    renameSync(partial, dir);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    // Another host wrote the same bundles first.
    if (!existsSync(dir)) throw error;
  }
  return dir;
}

/** Starts the build; workers use the bundles once it is done. A failed build leaves them on tsx. */
export function prepareWorkerBundles(projectRoot: string): Promise<void> {
  return buildWorkerBundles(projectRoot).then(
    (dir) => useWorkerBundles(dir),
    (error: unknown) =>
      console.warn(
        'Cepheus web host: workers load from source (bundling them failed):',
        error instanceof Error ? error.message : error,
      ),
  );
}
