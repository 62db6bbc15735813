/**
 * `npm run web -- [--port N] [--data-dir DIR] [--no-build]`: serves Cepheus to a browser on
 * this machine. Prints exactly one line, the URL to open, and shuts down cleanly on Ctrl+C.
 */
import os from 'node:os';
import path from 'node:path';
import { CepError } from '../contract';
import { resolveDataDir } from '../services';
import { startWebHost } from './web-host';

/** Electron's userData folder for "Cepheus", so the browser and the desktop app share data. */
function defaultDataDir(): string {
  const home = os.homedir();
  if (process.platform === 'win32')
    return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Cepheus');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Cepheus');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Cepheus');
}

function parsePort(argv: readonly string[]): number {
  const index = argv.findIndex((a) => a === '--port' || a.startsWith('--port='));
  if (index < 0) return 0;
  const arg = argv[index] ?? '';
  const raw = arg.includes('=') ? arg.slice('--port='.length) : argv[index + 1];
  const port = Number(raw);
  if (!raw || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port needs a number from 0 to 65535 (0 picks a free port), got ${raw ?? 'nothing'}`);
  }
  return port;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const known = new Set(['--port', '--data-dir', '--no-build']);
  const unknown = argv.filter((a) => a.startsWith('--') && !known.has(a.split('=')[0] ?? a));
  if (unknown.length)
    throw new Error(
      `Unknown option ${unknown.join(', ')}. Usage: npm run web -- [--port N] [--data-dir DIR] [--no-build]`,
    );

  const host = await startWebHost({
    port: parsePort(argv),
    dataDir: resolveDataDir({ argv, env: process.env, fallback: defaultDataDir() }),
    build: argv.includes('--no-build') ? 'never' : 'auto',
    seedSamples: true,
  });
  console.log(`Cepheus web host: ${host.url}`);

  const stop = (): void => {
    host.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const message = error instanceof CepError || error instanceof Error ? error.message : String(error);
  console.error(`Cepheus web host could not start: ${message}`);
  process.exit(1);
});
