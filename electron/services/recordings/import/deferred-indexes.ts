/**
 * The key index of `events` is cheaper to build in one sorted pass after a bulk insert than to
 * keep up to date row by row, since keys arrive in random order. The time index is kept up to
 * date: events mostly arrive in time order, so its entries append, which costs less than a
 * rebuild's extra pass over the whole table (measured on 1M rows). But the
 * table is shared by all recordings, so rebuilding means indexing every stored event again:
 * worth it only when the import is bigger than what is already stored. The import commits in
 * chunks, so the drop is committed with its first chunk and the rebuild made in its last
 * transaction (or after a cancel or failure); an index left dropped by a killed import is
 * restored at the next open (unfinished-imports.ts). Another import that finds it dropped leaves
 * it so, and the rebuild says IF NOT EXISTS, so imports of two processes cannot collide here.
 * The definitions are read back from the schema, so the migrations stay their only source.
 */
import type { Database } from 'better-sqlite3';

/** Never deferred: the unique (recording_id, seq) index guards the data; it and the time index take rows in (about) their order. */
const DEFERRABLE = ['events_by_key'];

export interface DeferredIndexes {
  /** Recreates what was dropped, in the import's last transaction. */
  rebuild(): void;
}

export function storedEventsEstimate(db: Database): number {
  // max(rowid) is a seek, unlike COUNT(*); gaps left by deleted recordings only overestimate.
  return (db.prepare('SELECT max(rowid) AS n FROM events').get() as { n: number | null }).n ?? 0;
}

const ifNotExists = (sql: string): string =>
  sql.replace(/^CREATE INDEX (?!IF NOT EXISTS)/i, 'CREATE INDEX IF NOT EXISTS ');

/** Drops the deferrable indexes when `expectedRows` outnumbers the stored events. */
export function deferIndexes(db: Database, expectedRows: number): DeferredIndexes {
  if (expectedRows <= storedEventsEstimate(db)) return { rebuild: () => undefined };
  const placeholders = DEFERRABLE.map(() => '?').join(', ');
  const dropped = db
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' AND name IN (${placeholders})`,
    )
    .all(...DEFERRABLE) as { name: string; sql: string }[];
  for (const { name } of dropped) db.exec(`DROP INDEX "${name}"`);
  return {
    rebuild: () => {
      for (const { sql } of dropped) db.exec(ifNotExists(sql));
    },
  };
}

/**
 * Connection settings for a bulk import, restored by the returned function: a page cache big
 * enough that the transaction's pages and index builds stay in memory (instead of spilling to
 * the WAL as they are written), sorting for CREATE INDEX in memory rather than temp files and on
 * two threads (the index rebuild is the longest single step of a large import), and
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
