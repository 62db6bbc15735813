/**
 * Holds a Cepheus database's write lock from another process for `ms`, as a second Cepheus or
 * the CLI importing into the same data folder would. Resolves once the lock is held.
 */
import { spawn, type ChildProcess } from 'node:child_process';

const script = `
  const Database = require('better-sqlite3');
  const db = new Database(process.argv[1]);
  db.pragma('busy_timeout = 10000');
  db.exec('BEGIN IMMEDIATE');
  db.prepare('UPDATE patterns SET name = name').run();
  process.stdout.write('locked\\n');
  setTimeout(() => { db.exec('COMMIT'); db.close(); }, Number(process.argv[2]));
`;

export function holdWriteLock(file: string, ms: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-e', script, file, String(ms)], {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout?.once('data', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`lock holder exited early (${code})`)));
  });
}

/** Resolves when the holder has committed and exited. */
export function released(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}
