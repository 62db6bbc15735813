/**
 * Removing what an unfinished import committed. An import commits in chunks (chunked-writes.ts)
 * under a recording row marked `importing`, which no reader shows; if it is cancelled or fails it
 * removes its rows itself (discardImport), and if its process was killed the rows stay invisible
 * until the next open removes them (discardUnfinishedImports).
 */
import type { Database } from 'better-sqlite3';
import { deleteEventKeys } from './key-table';

/** Events deleted per transaction: well under a chunk's lock time, so saves still get through. */
const DELETE_STEP = 10_000;

/** Deletes the recording's key rows and events, a step per transaction, then its row (if still importing). */
export async function discardImport(
  db: Database,
  recordingId: number,
  betweenChunks: () => Promise<void>,
): Promise<void> {
  await deleteEventKeys(db, recordingId, betweenChunks);
  const last = db.prepare('SELECT max(seq) AS n FROM events WHERE recording_id = ?');
  const range = db.prepare('DELETE FROM events WHERE recording_id = ? AND seq >= ? AND seq < ?');
  const maxSeq = (last.get(recordingId) as { n: number | null }).n ?? -1;
  for (let from = Math.max(0, maxSeq + 1 - DELETE_STEP); ; from = Math.max(0, from - DELETE_STEP)) {
    // From the end backwards: a killed discard leaves a prefix, which the next pass finds the same way.
    db.transaction(() => range.run(recordingId, from, from + DELETE_STEP)).immediate();
    if (from === 0) break;
    await betweenChunks();
  }
  db.prepare('DELETE FROM recordings WHERE id = ? AND importing = 1').run(recordingId);
}

/**
 * At open: removes the rows of imports whose process ended before they finished (events, key rows
 * and the recording row). Returns how many were removed.
 * An import another Cepheus on the same folder is running at that moment is removed too; it then
 * stops with a message saying so (run-import.ts), having shown nothing.
 */
export function discardUnfinishedImports(db: Database): number {
  const ids = (db.prepare('SELECT id FROM recordings WHERE importing = 1').all() as { id: number }[]).map(
    (r) => r.id,
  );
  for (const id of ids) {
    db.transaction(() => {
      db.prepare('DELETE FROM event_keys WHERE recording_id = ?').run(id);
      db.prepare('DELETE FROM events WHERE recording_id = ?').run(id);
      db.prepare('DELETE FROM recordings WHERE id = ?').run(id);
    }).immediate();
  }
  return ids.length;
}
