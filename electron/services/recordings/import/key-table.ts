/**
 * An import's rows of `event_keys` (migration 007): which events hold which key, in key order.
 * Keys arrive in random order, so keeping such an index up row by row costs several times more
 * than one sorted pass, and a CREATE INDEX after the inserts held the write lock for its whole
 * length (seconds per million events: every save waited for it). The rows come sorted from where
 * the file was parsed (key-notes.ts: the parse worker, off this thread) and are inserted after the
 * last event, in steps inside the import's chunks (chunked-writes.ts), which end as soon as
 * another writer waits: appends to the key table's B-tree.
 */
import type { Database } from 'better-sqlite3';
import type { ChunkedWrites } from './chunked-writes';
import type { SortedKeyRows } from './key-notes';

/** Rows inserted per step (a few tens of ms), so a waiting writer is let in soon. */
const COPY_STEP = 50_000;
const ROWS_PER_INSERT = 250;

function insertSql(recordingId: number, rows: number): string {
  const one = `(${recordingId}, ?, ?)`;
  return `INSERT INTO main.event_keys (recording_id, key, seq) VALUES ${Array.from({ length: rows }, () => one).join(', ')}`;
}

/** After the last event's chunk: inserts the key rows into `event_keys` in key order, a step per chunk. */
export async function fillEventKeys(
  db: Database,
  recordingId: number,
  rows: SortedKeyRows,
  chunks: ChunkedWrites,
  checkCancelled: () => void,
): Promise<void> {
  if (!Number.isSafeInteger(recordingId)) throw new Error(`invalid recording id ${recordingId}`);
  if (db.inTransaction) throw new Error('the keys are written outside a transaction');
  const many = db.prepare(insertSql(recordingId, ROWS_PER_INSERT));
  const single = db.prepare(insertSql(recordingId, 1));
  const { keyText, keyEnds, counts, seqs } = rows;
  const buffer: (string | number)[] = [];
  let stepRows = 0;
  const write = async (): Promise<void> => {
    if (stepRows === 0) {
      checkCancelled();
      await chunks.begin();
    }
    many.run(buffer);
    buffer.length = 0;
    stepRows += ROWS_PER_INSERT;
    if (stepRows >= COPY_STEP) {
      stepRows = 0;
      await chunks.commitIfDue();
    }
  };
  let start = 0;
  let at = 0;
  for (let i = 0; i < keyEnds.length; i++) {
    const key = keyText.slice(start, (start = keyEnds[i]));
    for (const end = at + counts[i]; at < end; at++) {
      buffer.push(key, seqs[at]);
      if (buffer.length === ROWS_PER_INSERT * 2) await write();
    }
  }
  if (at !== seqs.length) throw new Error(`the key rows hold ${seqs.length} seqs, ${at} counted`);
  if (buffer.length > 0) {
    if (stepRows === 0) {
      checkCancelled();
      await chunks.begin();
    }
    for (let i = 0; i < buffer.length; i += 2) single.run(buffer[i], buffer[i + 1]);
  }
  await chunks.commit();
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
