import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CepError } from '../../../electron/contract';
import {
  APPLICATION_ID,
  createBackend,
  DATABASE_FILE,
  LATEST_SCHEMA_VERSION,
} from '../../../electron/services';
import { CURRENT_VERSION, semanticHash } from '../../../engine/format';
import { sampleDocument } from './sample-document';
import { makeTempDir } from './temp-dir';

/** Builds a database exactly as Cepheus schema 1 left it, without using today's migration code. */
function writeSchemaV1File(file: string): void {
  const db = new Database(file);
  db.exec(`
    CREATE TABLE patterns (id TEXT PRIMARY KEY, name TEXT NOT NULL, document TEXT NOT NULL,
      semantic_hash TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
    CREATE TABLE pattern_versions (id INTEGER PRIMARY KEY,
      pattern_id TEXT NOT NULL REFERENCES patterns(id) ON DELETE CASCADE,
      version INTEGER NOT NULL CHECK (version >= 1), document TEXT NOT NULL, semantic_hash TEXT NOT NULL,
      created_at TEXT NOT NULL, message TEXT, UNIQUE (pattern_id, version));
    PRAGMA user_version = 1;
  `);
  const v1 = JSON.stringify(sampleDocument('a > 1'));
  const v2 = JSON.stringify(sampleDocument('a > 2'));
  db.prepare('INSERT INTO patterns VALUES (?, ?, ?, ?, ?, ?)').run(
    'p1',
    'Old pattern',
    v2,
    semanticHash(sampleDocument('a > 2')),
    '2024-01-01T00:00:00.000Z',
    '2024-01-02T00:00:00.000Z',
  );
  const version = db.prepare(
    'INSERT INTO pattern_versions (pattern_id, version, document, semantic_hash, created_at, message) VALUES (?, ?, ?, ?, ?, ?)',
  );
  version.run('p1', 1, v1, semanticHash(sampleDocument('a > 1')), '2024-01-01T00:00:00.000Z', 'first');
  version.run('p1', 2, v2, semanticHash(sampleDocument('a > 2')), '2024-01-02T00:00:00.000Z', null);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.close();
}

function snapshot(dir: string): { bytes: Buffer; mtimeMs: number; files: string[] } {
  const file = path.join(dir, DATABASE_FILE);
  return { bytes: readFileSync(file), mtimeMs: statSync(file).mtimeMs, files: readdirSync(dir).sort() };
}

function openError(dir: string): CepError {
  try {
    createBackend({ dataDir: dir, appVersion: 'test' }).close();
  } catch (error) {
    return CepError.from(error);
  }
  throw new Error('expected createBackend to refuse the file');
}

describe('database schema migrations', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = makeTempDir()));
  afterEach(() => cleanup());

  it('starts a new file at the latest schema, in WAL mode, marked as ours', () => {
    createBackend({ dataDir: dir, appVersion: 'test' }).close();
    const db = new Database(path.join(dir, DATABASE_FILE), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('migrates a schema-1 file forward and keeps its patterns and history', async () => {
    const file = path.join(dir, DATABASE_FILE);
    writeSchemaV1File(file);
    const backend = createBackend({ dataDir: dir, appVersion: 'test' });
    try {
      expect((await backend.app.info()).schemaVersion).toBe(LATEST_SCHEMA_VERSION);
      expect(await backend.patterns.list()).toEqual([
        {
          id: 'p1',
          name: 'Old pattern',
          createdAt: '2024-01-01T00:00:00.000Z',
          updatedAt: '2024-01-02T00:00:00.000Z',
          latestVersion: 2,
        },
      ]);
      const versions = await backend.patterns.versions({ id: 'p1' });
      expect(versions.map((v) => [v.version, v.message])).toEqual([
        [2, null],
        [1, 'first'],
      ]);
      // The migrated file keeps working: a changed document becomes version 3.
      const saved = await backend.patterns.save({ id: 'p1', document: sampleDocument('a > 3') });
      expect(saved.pattern.latestVersion).toBe(3);
    } finally {
      backend.close();
    }
    const db = new Database(file, { readonly: true });
    const formats = db.prepare('SELECT version, format_version FROM pattern_versions ORDER BY version').all();
    expect(formats).toEqual([
      // Back-filled from each stored document's own version field.
      { version: 1, format_version: CURRENT_VERSION },
      { version: 2, format_version: CURRENT_VERSION },
      { version: 3, format_version: CURRENT_VERSION },
    ]);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });

  it('refuses a file from a newer Cepheus and leaves it byte-for-byte untouched', () => {
    const file = path.join(dir, DATABASE_FILE);
    const db = new Database(file);
    db.exec('CREATE TABLE future (x); INSERT INTO future VALUES (42);');
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.close();
    const before = snapshot(dir);

    const error = openError(dir);
    expect(error.code).toBe('database-too-new');
    expect(error.message).toContain(`schema ${LATEST_SCHEMA_VERSION + 5}`);
    expect(error.message).toContain('left untouched');
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses a file that is not SQLite without touching it', () => {
    const file = path.join(dir, DATABASE_FILE);
    writeFileSync(file, 'this is a text file that happens to have the database name'.repeat(4));
    const before = snapshot(dir);
    const error = openError(dir);
    expect(error.message).toContain('is not an SQLite database');
    expect(snapshot(dir)).toEqual(before);
  });

  it("refuses another application's SQLite file without touching it", () => {
    const file = path.join(dir, DATABASE_FILE);
    const db = new Database(file);
    db.exec('CREATE TABLE t (x)');
    db.pragma('application_id = 1234');
    db.close();
    const before = snapshot(dir);
    expect(openError(dir).message).toContain('another application');
    expect(snapshot(dir)).toEqual(before);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });
});
