/**
 * An import's rows of `event_keys` (migration 007): which events hold which key, in key order.
 * Keys arrive in random order, so keeping such an index up row by row costs several times more
 * than one sorted pass, and a CREATE INDEX after the inserts held the write lock for its whole
 * length (seconds per million events: every save waited for it). Here each event's (key, seq) is
 * also appended to a temporary table of the import's connection as the events are written (small
 * rows, in memory), sorted once after the last event into a second one, and the sorted rows are
 * copied in steps inside the import's chunks (chunked-writes.ts), which end as soon as another
 * writer waits: appends to the key table's B-tree, since they come in its order. The temporary
 * tables are written outside the database file, so sorting takes no lock on it.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { ChunkedWrites } from './chunked-writes';

/** Sorted rows copied per statement (a few tens of ms), so a waiting writer is let in soon. */
const COPY_STEP = 50_000;
const ROWS_PER_INSERT = 250;

function dropTemp(db: Database): void {
  db.exec('DROP TABLE IF EXISTS temp.import_keys; DROP TABLE IF EXISTS temp.import_keys_sorted');
}

export class ImportKeys {
  private readonly many: Statement;
  private readonly single: Statement;
  private buffer: (string | number)[] = [];

  constructor(
    private readonly db: Database,
    private readonly recordingId: number,
  ) {
    if (!Number.isSafeInteger(recordingId)) throw new Error(`invalid recording id ${recordingId}`);
    dropTemp(db);
    db.exec('CREATE TEMP TABLE import_keys (key TEXT NOT NULL, seq INTEGER NOT NULL)');
    const values = (n: number): string => Array.from({ length: n }, () => '(?, ?)').join(', ');
    this.many = db.prepare(`INSERT INTO temp.import_keys (key, seq) VALUES ${values(ROWS_PER_INSERT)}`);
    this.single = db.prepare(`INSERT INTO temp.import_keys (key, seq) VALUES ${values(1)}`);
  }

  /** Notes an event's key (inside the chunk that writes the event). */
  add(key: string, seq: number): void {
    this.buffer.push(key, seq);
    if (this.buffer.length === ROWS_PER_INSERT * 2) {
      this.many.run(this.buffer);
      this.buffer = [];
    }
  }

  flush(): void {
    for (let i = 0; i < this.buffer.length; i += 2) this.single.run(this.buffer[i], this.buffer[i + 1]);
    this.buffer = [];
  }

  /** After the last event's chunk: sorts the keys and copies them into `event_keys`, a step per chunk. */
  async fill(chunks: ChunkedWrites, checkCancelled: () => void): Promise<void> {
    const { db } = this;
    if (db.inTransaction) throw new Error('the keys are sorted outside a transaction');
    this.flush();
    db.exec('CREATE TEMP TABLE import_keys_sorted (key TEXT NOT NULL, seq INTEGER NOT NULL)');
    // Rowids 1..n in (key, seq) order.
    const sorted = db
      .prepare(
        'INSERT INTO temp.import_keys_sorted (key, seq) SELECT key, seq FROM temp.import_keys ORDER BY key, seq',
      )
      .run().changes;
    db.exec('DROP TABLE temp.import_keys');
    const copy = db.prepare(
      `INSERT INTO main.event_keys (recording_id, key, seq)
       SELECT ${this.recordingId}, key, seq FROM temp.import_keys_sorted WHERE rowid BETWEEN ? AND ? ORDER BY rowid`,
    );
    for (let from = 1; from <= sorted; from += COPY_STEP) {
      checkCancelled();
      await chunks.begin();
      copy.run(from, from + COPY_STEP - 1);
      await chunks.commitIfDue();
    }
    await chunks.commit();
  }

  /** Drops the temporary tables (after the import, whatever its outcome). */
  close(): void {
    if (this.db.inTransaction) return; // the import's rollback comes first; its finally calls again
    dropTemp(this.db);
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
