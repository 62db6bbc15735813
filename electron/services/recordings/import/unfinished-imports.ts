/**
 * Removing what an unfinished import committed. An import commits in chunks (chunked-writes.ts)
 * under a recording row marked `importing`, which no reader shows; if it is cancelled or fails it
 * removes its rows itself (discardImport), and if its process was killed the rows stay invisible
 * until the next open removes them (discardUnfinishedImports).
 */
import type { Database } from 'better-sqlite3';
import { EVENTS_BY_KEY_SQL } from '../../db/migrations/004-events-by-key';

/** Events deleted per transaction: well under a chunk's lock time, so saves still get through. */
const DELETE_STEP = 10_000;

/** Deletes the recording's events, a seq range per transaction, then its row (if still importing). */
export async function discardImport(
  db: Database,
  recordingId: number,
  betweenChunks: () => Promise<void>,
): Promise<void> {
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
 * At open: removes the rows of imports whose process ended before they finished, and restores the
 * key index such an import may have dropped (deferred-indexes.ts). Returns how many were removed.
 * An import another Cepheus on the same folder is running at that moment is removed too; it then
 * stops with a message saying so (run-import.ts), having shown nothing.
 */
export function discardUnfinishedImports(db: Database): number {
  const hasKeyIndex = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'events_by_key'")
    .get();
  if (!hasKeyIndex) db.exec(EVENTS_BY_KEY_SQL.replace('CREATE INDEX', 'CREATE INDEX IF NOT EXISTS'));
  const ids = (db.prepare('SELECT id FROM recordings WHERE importing = 1').all() as { id: number }[]).map(
    (r) => r.id,
  );
  for (const id of ids) {
    db.transaction(() => {
      db.prepare('DELETE FROM events WHERE recording_id = ?').run(id);
      db.prepare('DELETE FROM recordings WHERE id = ?').run(id);
    }).immediate();
  }
  return ids.length;
}
