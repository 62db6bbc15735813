/**
 * Turns SQLite's failures into messages a user can act on. better-sqlite3 throws SqliteError with
 * a `code` (SQLITE_BUSY, SQLITE_CORRUPT…); errors that crossed a worker boundary keep only their
 * message, so both are recognised.
 */
import { CepError } from '../../contract';

export type DatabaseFailure = 'busy' | 'damaged' | 'full' | 'read-only';

const byCode: readonly [RegExp, DatabaseFailure][] = [
  [/^SQLITE_(BUSY|LOCKED)/, 'busy'],
  [/^SQLITE_(CORRUPT|NOTADB)/, 'damaged'],
  [/^SQLITE_FULL/, 'full'],
  [/^SQLITE_READONLY|^SQLITE_CANTOPEN|^E(ACCES|ROFS|PERM)$/, 'read-only'],
];

const byMessage: readonly [RegExp, DatabaseFailure][] = [
  [/database is locked|database table is locked|database is busy/i, 'busy'],
  [/database disk image is malformed|file is not a database|malformed database schema/i, 'damaged'],
  [/database or disk is full|ENOSPC|no space left on device/i, 'full'],
  [
    /attempt to write a readonly database|unable to open database file|EROFS|read-only file system/i,
    'read-only',
  ],
];

/** Which kind of database failure `error` is, or null for anything else. */
export function classifyDatabaseError(error: unknown): DatabaseFailure | null {
  if (error instanceof CepError) return null;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') {
    for (const [pattern, kind] of byCode) if (pattern.test(code)) return kind;
  }
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  for (const [pattern, kind] of byMessage) if (pattern.test(message)) return kind;
  return null;
}

export function damagedDatabaseError(file: string, detail: string): CepError {
  return new CepError(
    'database-damaged',
    `${file} is damaged (${detail}). Cepheus will not write into it. Restore it from a backup, or quit ` +
      'Cepheus and move the file (with any -wal and -shm files beside it) aside to start with a fresh ' +
      'library; `sqlite3 cepheus.db ".recover"` may save what is readable.',
  );
}

export function busyDatabaseError(file: string): CepError {
  return new CepError(
    'database-busy',
    'The database is busy: another program (a second Cepheus, or the cepheus CLI importing into the ' +
      `same data folder) kept ${file} locked. Nothing was changed; it is tried again when it has finished.`,
  );
}

export function storageError(file: string, kind: 'full' | 'read-only'): CepError {
  const folder = file.replace(/[\\/][^\\/]*$/, '');
  return new CepError(
    'storage-unavailable',
    kind === 'full'
      ? `The disk holding ${file} is full. Nothing was changed; free some space and try again.`
      : `Cepheus cannot write to ${folder} (the folder or ${file} is read-only). Nothing was changed; ` +
          'make it writable or start with another data folder (--data-dir).',
  );
}

/** The user-facing CepError for a database failure, or `error` unchanged when it is something else. */
export function explainDatabaseError(error: unknown, file: string): unknown {
  const kind = classifyDatabaseError(error);
  if (kind === null) return error;
  if (kind === 'busy') return busyDatabaseError(file);
  if (kind === 'damaged') {
    const detail = error instanceof Error ? error.message : String(error);
    return damagedDatabaseError(file, `SQLite says: ${detail}`);
  }
  return storageError(file, kind);
}
