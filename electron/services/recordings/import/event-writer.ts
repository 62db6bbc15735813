/**
 * Batched inserts of events with prepared statements: rows are buffered and written 200 at a
 * time through one multi-row INSERT, which costs far less per row than one statement each.
 * The caller owns the transaction.
 */
import type { Database, Statement } from 'better-sqlite3';

const ROWS_PER_INSERT = 200;
const COLUMNS = 5;

function insertSql(rows: number): string {
  const one = '(?, ?, ?, ?, ?)';
  return `INSERT INTO events (recording_id, seq, ts, key, payload) VALUES ${Array.from({ length: rows }, () => one).join(', ')}`;
}

export class EventWriter {
  private readonly many: Statement;
  private readonly single: Statement;
  private buffer: (string | number | null)[] = [];
  private nextSeq = 0;
  payloadBytes = 0;

  constructor(
    db: Database,
    private readonly recordingId: number,
  ) {
    this.many = db.prepare(insertSql(ROWS_PER_INSERT));
    this.single = db.prepare(insertSql(1));
  }

  get count(): number {
    return this.nextSeq;
  }

  add(ts: number, key: string | null, payload: string): void {
    this.buffer.push(this.recordingId, this.nextSeq, ts, key, payload);
    this.nextSeq += 1;
    this.payloadBytes += Buffer.byteLength(payload);
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
