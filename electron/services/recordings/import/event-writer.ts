/**
 * Stages events in a TEMP table of the importing connection, then moves them into `events` in
 * one short transaction. The TEMP table lives in the connection's private temp database, so
 * staging takes no lock on the app's database (other writers are not held up while a big file
 * is parsed) and vanishes by itself if the process dies. Rows are buffered and written 200 at a
 * time through one multi-row INSERT, which costs far less per row than one statement each.
 */
import type { Database, Statement } from 'better-sqlite3';

const ROWS_PER_INSERT = 200;

const COLUMNS = 4;

function insertSql(rows: number): string {
  const one = '(?, ?, ?, ?)';
  return `INSERT INTO temp.staged_events (seq, ts, key, payload) VALUES ${Array.from({ length: rows }, () => one).join(', ')}`;
}

export class EventWriter {
  private readonly many: Statement;
  private readonly single: Statement;
  private buffer: (string | number | null)[] = [];
  private nextSeq = 0;
  payloadBytes = 0;

  constructor(private readonly db: Database) {
    db.exec('DROP TABLE IF EXISTS temp.staged_events');
    // seq is the rowid: rows arrive in seq order, so the table is appended to, never reshuffled.
    db.exec('CREATE TEMP TABLE staged_events (seq INTEGER PRIMARY KEY, ts INTEGER NOT NULL, key TEXT, payload TEXT NOT NULL)');
    this.many = db.prepare(insertSql(ROWS_PER_INSERT));
    this.single = db.prepare(insertSql(1));
  }

  get count(): number {
    return this.nextSeq;
  }

  add(ts: number, key: string | null, payload: string): void {
    this.buffer.push(this.nextSeq, ts, key, payload);
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

  /** Copies the staged rows into `events`; call inside the transaction that adds the recording. */
  moveTo(recordingId: number): void {
    this.flush();
    this.db.prepare('INSERT INTO main.events (recording_id, seq, ts, key, payload) SELECT ?, seq, ts, key, payload FROM temp.staged_events ORDER BY seq').run(recordingId);
  }

  drop(): void {
    this.db.exec('DROP TABLE IF EXISTS temp.staged_events');
  }
}
