/**
 * Appends an import's events straight to `events`, inside the import's current chunk (see
 * run-import.ts), so each row is written once. Rows are buffered and written ROWS_PER_INSERT at
 * a time through one multi-row INSERT, which costs far less per row than one statement each;
 * the recording id is part of the statement text, so a row binds four values, not five.
 */
import type { Database, Statement } from 'better-sqlite3';

const ROWS_PER_INSERT = 250;

const COLUMNS = 4;

function insertSql(recordingId: number, rows: number): string {
  const one = `(${recordingId}, ?, ?, ?, ?)`;
  return `INSERT INTO main.events (recording_id, seq, ts, key, payload) VALUES ${Array.from({ length: rows }, () => one).join(', ')}`;
}

export class EventWriter {
  private readonly many: Statement;
  private readonly single: Statement;
  private buffer: (string | number | null)[] = [];
  private nextSeq = 0;

  constructor(db: Database, recordingId: number) {
    if (!Number.isSafeInteger(recordingId)) throw new Error(`invalid recording id ${recordingId}`);
    this.many = db.prepare(insertSql(recordingId, ROWS_PER_INSERT));
    this.single = db.prepare(insertSql(recordingId, 1));
  }

  get count(): number {
    return this.nextSeq;
  }

  add(ts: number, key: string | null, payload: string): void {
    this.buffer.push(this.nextSeq, ts, key, payload);
    this.nextSeq += 1;
    if (this.buffer.length === ROWS_PER_INSERT * COLUMNS) {
      this.many.run(this.buffer);
      this.buffer = [];
    }
  }

  flush(): void {
    for (let i = 0; i < this.buffer.length; i += COLUMNS) this.single.run(this.buffer.slice(i, i + COLUMNS));
    this.buffer = [];
  }
}
