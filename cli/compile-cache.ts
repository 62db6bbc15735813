/**
 * Loads the CLI bundle (one CommonJS file) with a V8 code cache, so a repeated `cepheus validate` skips
 * parsing and compiling most of the engine. Node 22's own compile cache is taken before the code runs,
 * so it misses the functions compiled lazily while running; this cache is taken after the first run and
 * holds them too. On Node 20, which has no compile cache at all, it halves the start.
 *
 * The cache is an optimisation only: any failure to read, check or write it loads the bundle without it.
 * V8 itself rejects a cache made by another V8 version, other flags or other source; the file name also
 * carries the bundle's size and time, so an updated bundle gets a new file.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Script } from 'node:vm';

/** Where the cache lives: `CEPHEUS_COMPILE_CACHE=<folder>` moves it, `=0` turns it off. */
function cacheFolder(): string | null {
  const chosen = process.env.CEPHEUS_COMPILE_CACHE;
  if (chosen === '0') return null;
  const uid = typeof process.getuid === 'function' ? process.getuid() : 'user';
  return chosen || join(tmpdir(), `cepheus-compile-cache-${uid}`);
}

/**
 * A code cache is code: only trust a folder this user owns that nobody else can write to, or another
 * local user could plant one (the shared temp folder is world-writable).
 */
function privateFolder(folder: string): boolean {
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const info = statSync(folder);
    const mine = typeof process.getuid !== 'function' || info.uid === process.getuid();
    return info.isDirectory() && mine && (info.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

function readCache(file: string | null): Buffer | undefined {
  if (!file) return undefined;
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Written to a temporary name and renamed, so a concurrent start never reads half a cache. */
function writeCache(file: string, script: Script): void {
  const partial = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(partial, script.createCachedData(), { mode: 0o600 });
    renameSync(partial, file);
  } catch {
    // A read-only or full disk only costs the next start its speed.
  }
}

/**
 * Runs a CommonJS bundle as `require` would, with the code cache; returns its exports. `use` names what
 * this run will do (the command): each use keeps its own cache, as each compiles different functions.
 */
export function requireWithCodeCache(bundle: string, use: string): unknown {
  const source = readFileSync(bundle, 'utf8');
  const folder = cacheFolder();
  let cacheFile: string | null = null;
  if (folder && privateFolder(folder)) {
    const { size, mtimeMs } = statSync(bundle);
    const tag = `${process.version}-${process.arch}-${size}-${Math.trunc(mtimeMs)}`;
    const kind = /^[a-z][a-z-]{0,19}$/.test(use) ? use : 'other';
    cacheFile = join(folder, `${basename(bundle)}-${tag}-${kind}.v8cache`);
  }
  const cachedData = readCache(cacheFile);
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: bundle,
    cachedData,
  });
  const module = { exports: {} as unknown };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run(module.exports, createRequire(bundle), module, bundle, join(bundle, '..'));
  // Taken at exit, so the cache also holds the functions this run compiled.
  if (cacheFile && (!cachedData || script.cachedDataRejected)) {
    const file = cacheFile;
    process.once('exit', () => writeCache(file, script));
  }
  return module.exports;
}
