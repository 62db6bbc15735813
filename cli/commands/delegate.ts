/** conformance and bench run other scripts of the repository in a child Node process (with tsx). */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const CONFORMANCE_HELP = `Usage: cepheus conformance <vectors.json> [more.json…]

Runs Flink conformance vectors (format: shared/conformance/README.md) through the engine and ends with
"N passed, M failed". Exit codes: 0 all passed; 1 failures; 2 unreadable or malformed files.`;

export const BENCH_HELP = `Usage: cepheus bench [options passed to bench/run.ts]

Runs the benchmarks (bench/run.ts). Exit code 2 when the benchmarks are not available.`;

/** Runs `script` with the given arguments, inheriting stdio; resolves to its exit code. */
export function runScript(script: string, args: readonly string[], missing: string): Promise<number> {
  const path = join(ROOT, script);
  if (!existsSync(path)) {
    console.error(missing);
    return Promise.resolve(2);
  }
  return new Promise((resolve) => {
    // The tsx loader is resolved from this repository, so the command works from any directory
    // (through require: the built CLI is a CommonJS bundle, which has no import.meta.resolve).
    const tsx = createRequire(import.meta.url).resolve('tsx');
    const child = spawn(process.execPath, ['--import', pathToFileURL(tsx).href, path, ...args], {
      stdio: 'inherit',
    });
    child.on('error', (e) => {
      console.error(`cannot start ${script}: ${e.message}`);
      resolve(2);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
