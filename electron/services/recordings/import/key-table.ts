/**
 * An import's rows of `event_keys` (migration 007): which events hold which key, in key order.
 * Keys arrive in random order, so keeping such an index up row by row costs several times more
 * than one sorted pass, and a CREATE INDEX after the inserts held the write lock for its whole
 * length (seconds per million events: every save waited for it). Here the sort is done first,
 * into a temporary table of this connection: that writes only the temp database, so it takes no
 * lock on the main one (readers and writers of the file go on). The sorted rows are then copied
 * in steps inside the import's chunks (chunked-writes.ts), which end as soon as another writer
 * waits: appends to the key table's B-tree, since they come in its order.
 */
import type { Database } from 'better-sqlite3';
import type { ChunkedWrites } from './chunked-writes';

/** Sorted rows copied per statement (a few tens of ms), so a waiting writer is let in soon. */
const COPY_STEP = 50_000;

export async function fillEventKeys(
  db: Database,
  recordingId: number,
  chunks: ChunkedWrites,
  checkCancelled: () => void,
): Promise<void> {
  if (db.inTransaction) throw new Error('fillEventKeys must sort outside a transaction');
  if (!Number.isSafeInteger(recordingId)) throw new Error(`invalid recording id ${recordingId}`);
  db.exec('DROP TABLE IF EXISTS temp.import_keys');
  db.exec('CREATE TEMP TABLE import_keys (key TEXT NOT NULL, seq INTEGER NOT NULL)');
  try {
    // Rowids 1..n in (key, seq) order.
    const sorted = db
      .prepare(
        `INSERT INTO temp.import_keys (key, seq)
         SELECT key, seq FROM main.events WHERE recording_id = ? AND key IS NOT NULL ORDER BY key, seq`,
      )
      .run(recordingId).changes;
    const copy = db.prepare(
      `INSERT INTO main.event_keys (recording_id, key, seq)
       SELECT ${recordingId}, key, seq FROM temp.import_keys WHERE rowid BETWEEN ? AND ? ORDER BY rowid`,
    );
    for (let from = 1; from <= sorted; from += COPY_STEP) {
      checkCancelled();
      await chunks.begin();
      copy.run(from, from + COPY_STEP - 1);
      await chunks.commitIfDue();
    }
    await chunks.commit();
  } finally {
    chunks.rollback();
    db.exec('DROP TABLE IF EXISTS temp.import_keys');
  }
}

/** Rows deleted per transaction when an unfinished import is discarded. */
const DELETE_STEP = 10_000;

/** Deletes a recording's key rows, a step per transaction (`between` runs between two). */
export async function deleteEventKeys(
  db: Database,
  recordingId: number,
  between: () => Promise<void>,
): Promise<void> {
  const step = db.prepare(
    `DELETE FROM event_keys WHERE (recording_id, key, seq) IN
       (SELECT recording_id, key, seq FROM event_keys WHERE recording_id = ? LIMIT ${DELETE_STEP})`,
  );
  while (db.transaction(() => step.run(recordingId).changes).immediate() > 0) await between();
}
