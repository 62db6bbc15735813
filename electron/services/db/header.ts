/**
 * Reads the SQLite file header without opening the database, so a file we must not touch
 * (not SQLite, another application's, or written by a newer Cepheus) is refused before
 * SQLite could create a journal or run a checkpoint on it.
 * Layout: https://www.sqlite.org/fileformat.html#the_database_header
 */
import { closeSync, openSync, readSync } from 'node:fs';

const MAGIC = 'SQLite format 3\u0000';

export interface SqliteHeader {
  userVersion: number;
  applicationId: number;
}

/** Returns null for an empty file (SQLite treats it as a new database). */
export function readSqliteHeader(file: string): SqliteHeader | 'not-sqlite' | null {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(100);
    const read = readSync(fd, buf, 0, 100, 0);
    if (read === 0) return null;
    if (read < 100 || buf.toString('latin1', 0, 16) !== MAGIC) return 'not-sqlite';
    return { userVersion: buf.readUInt32BE(60), applicationId: buf.readUInt32BE(68) };
  } finally {
    closeSync(fd);
  }
}
