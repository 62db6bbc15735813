/**
 * The import connection's settings for a bulk insert (restored afterwards). The key index this
 * module used to drop and rebuild is a table of its own since migration 007, filled in key order
 * by key-table.ts.
 */
import type { Database } from 'better-sqlite3';

/**
 * Connection settings for a bulk import, restored by the returned function: a page cache big
 * enough that the transaction's pages and index builds stay in memory (instead of spilling to
 * the WAL as they are written), sorting the keys (key-table.ts) in memory rather than temp files
 * and on two threads, and
 * in WAL mode synchronous=NORMAL: the commit appends to the WAL without waiting for an fsync of
 * hundreds of MB (the WAL is synced at checkpoints; a power cut may lose the import, never
 * corrupt the database). Automatic checkpoints are off, so the COMMIT does not also copy those
 * pages into the database file (about 1 s per million rows); the import worker checkpoints after
 * it has reported the recording (import-worker.ts).
 */
export function bulkImportSettings(db: Database): () => void {
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  const tempStore = db.pragma('temp_store', { simple: true }) as number;
  const synchronous = db.pragma('synchronous', { simple: true }) as number;
  const threads = db.pragma('threads', { simple: true }) as number;
  const autoCheckpoint = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  const wal = db.pragma('journal_mode', { simple: true }) === 'wal';
  db.pragma('cache_size = -131072');
  db.pragma('temp_store = MEMORY');
  db.pragma('threads = 2');
  db.pragma('wal_autocheckpoint = 0');
  if (wal && synchronous > 1) db.pragma('synchronous = NORMAL');
  return () => {
    db.pragma(`cache_size = ${cacheSize}`);
    db.pragma(`temp_store = ${tempStore}`);
    db.pragma(`synchronous = ${synchronous}`);
    db.pragma(`threads = ${threads}`);
    db.pragma(`wal_autocheckpoint = ${autoCheckpoint}`);
  };
}
