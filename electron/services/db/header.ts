/**
 * Reads the SQLite file header without opening the database, so a file we must not touch
 * (not SQLite, another application's, or written by a newer Cepheus) is refused before
 * SQLite could create a journal or run a checkpoint on it.
 * Layout: https://www.sqlite.org/fileformat.html#the_database_header
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

const MAGIC = 'SQLite format 3\u0000';

export interface SqliteHeader {
  userVersion: number;
  applicationId: number;
  pageSize: number;
  /** Pages the header says the file holds, or null when that field is stale (legacy writers). */
  pageCount: number | null;
  fileBytes: number;
}

/** Returns null for an empty file (SQLite treats it as a new database). */
export function readSqliteHeader(file: string): SqliteHeader | 'not-sqlite' | null {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(100);
    const read = readSync(fd, buf, 0, 100, 0);
    if (read === 0) return null;
    if (read < 100 || buf.toString('latin1', 0, 16) !== MAGIC) return 'not-sqlite';
    const rawPageSize = buf.readUInt16BE(16);
    // The in-header size is valid only when "version-valid-for" matches the change counter.
    const sizeValid = buf.readUInt32BE(92) === buf.readUInt32BE(24);
    return {
      userVersion: buf.readUInt32BE(60),
      applicationId: buf.readUInt32BE(68),
      pageSize: rawPageSize === 1 ? 65536 : rawPageSize,
      pageCount: sizeValid ? buf.readUInt32BE(28) : null,
      fileBytes: fstatSync(fd).size,
    };
  } finally {
    closeSync(fd);
  }
}

/** Why the header shows the file was cut short, or null when its size is consistent. */
export function truncation(header: SqliteHeader): string | null {
  const { pageSize, pageCount, fileBytes } = header;
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) return 'its header is corrupt';
  if (pageCount !== null && fileBytes < pageCount * pageSize) {
    return `it is truncated: ${fileBytes} bytes of the ${pageCount * pageSize} its header announces`;
  }
  if (fileBytes % pageSize !== 0) return `it is truncated: ${fileBytes} bytes is not a whole number of pages`;
  return null;
}
