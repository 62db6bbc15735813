/**
 * An import's rows of `event_keys` (migration 007): which events hold which key, in key order.
 * Keys arrive in random order, so keeping such an index up row by row costs several times more
 * than one sorted pass, and a CREATE INDEX after the inserts held the write lock for its whole
 * length (seconds per million events: every save waited for it). Here each event's seq is noted
 * under its key in memory as the events are written (seqs come in ascending order, so each key's
 * list is sorted as it grows); after the last event the distinct keys alone are sorted and the
 * (key, seq) rows inserted in that order, in steps inside the import's chunks (chunked-writes.ts),
 * which end as soon as another writer waits: appends to the key table's B-tree. Keeping them in
 * SQLite temporary tables and sorting every row there cost the importing thread twice as much.
 */
import type { Database } from 'better-sqlite3';
import type { ChunkedWrites } from './chunked-writes';

/** Rows inserted per step (a few tens of ms), so a waiting writer is let in soon. */
const COPY_STEP = 50_000;
const ROWS_PER_INSERT = 250;

function insertSql(recordingId: number, rows: number): string {
  const one = `(${recordingId}, ?, ?)`;
  return `INSERT INTO main.event_keys (recording_id, key, seq) VALUES ${Array.from({ length: rows }, () => one).join(', ')}`;
}

export class ImportKeys {
  /** Per key its events' seqs, ascending: one number while a key has one event (most keys of a file keyed by id). */
  private readonly seqs = new Map<string, number | number[]>();

  constructor(
    private readonly db: Database,
    private readonly recordingId: number,
  ) {
    if (!Number.isSafeInteger(recordingId)) throw new Error(`invalid recording id ${recordingId}`);
  }

  /** Notes an event's key (seqs in ascending order). */
  add(key: string, seq: number): void {
    const seen = this.seqs.get(key);
    if (seen === undefined) this.seqs.set(key, seq);
    else if (typeof seen === 'number') this.seqs.set(key, [seen, seq]);
    else seen.push(seq);
  }

  /** After the last event's chunk: inserts the keys' rows into `event_keys` in key order, a step per chunk. */
  async fill(chunks: ChunkedWrites, checkCancelled: () => void): Promise<void> {
    const { db } = this;
    if (db.inTransaction) throw new Error('the keys are written outside a transaction');
    const many = db.prepare(insertSql(this.recordingId, ROWS_PER_INSERT));
    const single = db.prepare(insertSql(this.recordingId, 1));
    // Code-unit order, as SQLite's BINARY collation orders ASCII keys (any order is correct; this one appends).
    const keys = [...this.seqs.keys()].sort();
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
    for (const key of keys) {
      const seen = this.seqs.get(key) as number | number[];
      if (typeof seen === 'number') {
        buffer.push(key, seen);
        if (buffer.length === ROWS_PER_INSERT * 2) await write();
      } else
        for (const seq of seen) {
          buffer.push(key, seq);
          if (buffer.length === ROWS_PER_INSERT * 2) await write();
        }
    }
    this.seqs.clear();
    if (buffer.length > 0) {
      if (stepRows === 0) {
        checkCancelled();
        await chunks.begin();
      }
      for (let i = 0; i < buffer.length; i += 2) single.run(buffer[i], buffer[i + 1]);
    }
    await chunks.commit();
  }

  /** Lets go of the noted keys (after the import, whatever its outcome). */
  close(): void {
    this.seqs.clear();
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
