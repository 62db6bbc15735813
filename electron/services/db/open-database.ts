/**
 * Opens (or creates) the Cepheus database and brings its schema up to date.
 *
 * Order matters for safety: the header is checked before SQLite opens the file, so a database
 * from a newer Cepheus, a foreign SQLite file, a truncated file or a non-SQLite file is refused
 * untouched. Then a read-only connection (which never checkpoints the WAL or writes anything)
 * reads the version as the WAL sees it and runs `PRAGMA quick_check`, so a newer or damaged
 * database is refused before the read-write connection exists. The version is checked once more
 * inside the migration transaction, in case another process migrated in between.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { CepError } from '../../contract';
import { damagedDatabaseError, explainDatabaseError } from './database-errors';
import { readSqliteHeader, truncation } from './header';
import { JOURNAL_SIZE_LIMIT } from './journal';
import { LATEST_SCHEMA_VERSION, migrations, type Migration } from './migrations';

/** PRAGMA application_id marking a file as ours: "CEPH" in ASCII. */
export const APPLICATION_ID = 0x43455048;

export interface OpenDatabaseOptions {
  /** Override the migration list (tests build old schemas with a prefix of it). */
  migrations?: readonly Migration[];
}

function tooNew(file: string, found: number, latest: number): CepError {
  return new CepError(
    'database-too-new',
    `${file} uses database schema ${found}, but this Cepheus understands schema ${latest} at most. ` +
      'It was written by a newer version of Cepheus; the file was left untouched. ' +
      'Update Cepheus, or start with another data folder (--data-dir).',
  );
}

function refuseForeign(file: string, reason: string): CepError {
  return new CepError(
    'internal',
    `${file} ${reason}; the file was left untouched. Move it away or choose another data folder (--data-dir).`,
  );
}

function checkBeforeOpen(file: string, latest: number): void {
  if (!existsSync(file)) return;
  const header = readSqliteHeader(file);
  if (header === null) return;
  if (header === 'not-sqlite') throw refuseForeign(file, 'is not an SQLite database');
  if (header.applicationId !== 0 && header.applicationId !== APPLICATION_ID) {
    throw refuseForeign(file, 'belongs to another application (unknown SQLite application_id)');
  }
  if (header.userVersion > latest) throw tooNew(file, header.userVersion, latest);
  const cut = truncation(header);
  if (cut !== null) throw damagedDatabaseError(file, cut);
}

/** quick_check reads every page: 1.4 s for a 1M-event library (320 MB) at load 15, once per start. */
function inspectReadOnly(file: string, latest: number): void {
  if (!existsSync(file)) return;
  // A read-only connection never writes the main file nor checkpoints; like any WAL reader it may
  // leave empty -wal/-shm files beside it (better-sqlite3 has no URI filenames for immutable=1).
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > latest) throw tooNew(file, version, latest);
    const rows = db.pragma('quick_check(5)') as { quick_check: string }[];
    const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
    if (problems.length) throw damagedDatabaseError(file, `quick_check found: ${problems.join('; ')}`);
  } finally {
    db.close();
  }
}

function migrate(db: Database.Database, file: string, steps: readonly Migration[]): void {
  const latest = steps.length;
  db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > latest) throw tooNew(file, current, latest);
    for (const step of steps.slice(current)) {
      step.up(db);
      db.pragma(`user_version = ${step.version}`);
    }
    db.pragma(`application_id = ${APPLICATION_ID}`);
  }).immediate();
}

export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Database.Database {
  const steps = options.migrations ?? migrations;
  steps.forEach((step, index) => {
    if (step.version !== index + 1) throw new Error(`Migration list is out of order at ${step.name}`);
  });
  let db: Database.Database;
  try {
    checkBeforeOpen(file, steps.length);
    inspectReadOnly(file, steps.length);
    db = new Database(file);
  } catch (error) {
    throw explainDatabaseError(error, file);
  }
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    // Refuse before switching the journal mode: that write would already modify the file.
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > steps.length) throw tooNew(file, version, steps.length);
    db.pragma('journal_mode = WAL');
    // A big import grows the WAL to hundreds of MB; each checkpoint that resets it cuts the file back to this.
    db.pragma(`journal_size_limit = ${JOURNAL_SIZE_LIMIT}`);
    migrate(db, file, steps);
    return db;
  } catch (error) {
    db.close();
    throw explainDatabaseError(error, file);
  }
}

export { LATEST_SCHEMA_VERSION };
