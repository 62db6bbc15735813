/**
 * Where Cepheus keeps its data: `--data-dir DIR` (or `--data-dir=DIR`), else the
 * CEPHEUS_DATA_DIR environment variable, else the host's default (Electron's userData folder,
 * or a folder the web host picks). Tests and e2e runs use the first two to stay isolated.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';

export interface DataDirSources {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  /** Used when neither the flag nor the variable is set. */
  fallback: string;
}

/** Value of `--data-dir`, or undefined. Throws when the flag is given without a folder. */
export function dataDirFromArgv(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('--data-dir=')) {
      const value = arg.slice('--data-dir='.length);
      if (!value) throw new Error('--data-dir needs a folder, e.g. --data-dir ./my-data');
      return value;
    }
    if (arg === '--data-dir') {
      const value = argv[i + 1];
      if (!value || value.startsWith('--'))
        throw new Error('--data-dir needs a folder, e.g. --data-dir ./my-data');
      return value;
    }
  }
  return undefined;
}

/** Resolves the data folder to an absolute path and makes sure it exists. */
export function resolveDataDir({ argv, env, fallback }: DataDirSources): string {
  const chosen = dataDirFromArgv(argv) ?? (env.CEPHEUS_DATA_DIR?.trim() || undefined) ?? fallback;
  const absolute = path.resolve(chosen);
  mkdirSync(absolute, { recursive: true });
  return absolute;
}
