/** Shared set-up for recordings tests: a migrated SQLite file in a temp folder, generated files. */
import type { Database } from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { openDatabase } from '../../../electron/services/db/open-database';
import { RecordingImportError, runImport, type ImportRequest } from '../../../electron/services/recordings';

export const fixtures = path.resolve(import.meta.dirname, '../../fixtures/recordings');
export const fixture = (name: string): string => path.join(fixtures, name);

export interface TempDb {
  dir: string;
  dbPath: string;
  db: Database;
  cleanup: () => void;
}

export function tempDb(): TempDb {
  const dir = mkdtempSync(path.join(tmpdir(), 'cepheus-rec-'));
  const dbPath = path.join(dir, 'cepheus.db');
  const db = openDatabase(dbPath);
  return {
    dir,
    dbPath,
    db,
    cleanup: () => {
      if (db.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function countRows(db: Database): { recordings: number; events: number } {
  const recordings = (db.prepare('SELECT COUNT(*) AS n FROM recordings').get() as { n: number }).n;
  const events = (db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
  return { recordings, events };
}

/** JSON Lines with `n` events: ts = 1000 + 10·i ms, 50 keys, a type cycling A..E. */
export function jsonlText(n: number, start = 0): string {
  const lines: string[] = [];
  for (let i = start; i < start + n; i++) {
    lines.push(
      JSON.stringify({
        ts: 1000 + i * 10,
        key: `k${i % 50}`,
        type: 'ABCDE'[i % 5],
        value: i,
        nested: { even: i % 2 === 0 },
      }),
    );
  }
  return lines.join('\n') + '\n';
}

export function writeFile(dir: string, name: string, text: string, gzip = false): string {
  const file = path.join(dir, name);
  writeFileSync(file, gzip ? gzipSync(text) : text);
  return file;
}

export function request(file: string, extra: Partial<ImportRequest> = {}): ImportRequest {
  return {
    path: file,
    name: path.basename(file),
    timestampField: 'ts',
    timestampFormat: 'epochMillis',
    onMalformed: 'reject',
    ...extra,
  };
}

/** The RecordingImportError an import failed with (fails the test if it succeeded or threw something else). */
export async function importError(promise: Promise<unknown>): Promise<RecordingImportError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RecordingImportError) return error;
    throw error;
  }
  throw new Error('expected the import to fail');
}

/** The risk sample (samples/recordings/risk-transactions.csv, 2,014 events keyed by card) imported into `db`. */
export function importRiskSample(db: Database): Promise<number> {
  return runImport(db, {
    path: path.resolve('samples/recordings/risk-transactions.csv'),
    name: 'risk',
    timestampField: 'ts',
    timestampFormat: 'iso8601',
    keyField: 'cardId',
    onMalformed: 'reject',
  });
}
