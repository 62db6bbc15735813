/**
 * Appends an import's events straight to `events`, inside the import's current chunk (see
 * run-import.ts), so each row is written once. Rows are buffered and written ROWS_PER_INSERT at
 * a time through one multi-row INSERT, which costs far less per row than one statement each;
 * the recording id is part of the statement text, so a row binds four values, not five.
 * A payload is bound as its UTF-8 bytes (a view into the batch's buffer, payload-bytes.ts) and
 * stored as TEXT by CAST in the statement: the same text as binding a string, without decoding
 * the batch into strings on this thread and encoding each back to UTF-8 when it is bound.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { PackedPayloads } from './payload-bytes';

const ROWS_PER_INSERT = 250;

const COLUMNS = 4;

function insertSql(recordingId: number, rows: number): string {
  const one = `(${recordingId}, ?, ?, ?, CAST(? AS TEXT))`;
  return `INSERT INTO main.events (recording_id, seq, ts, key, payload) VALUES ${Array.from({ length: rows }, () => one).join(', ')}`;
}

export class EventWriter {
  private readonly many: Statement;
  private readonly single: Statement;
  private buffer: (Uint8Array | string | number | null)[] = [];
  private nextSeq = 0;

  constructor(db: Database, recordingId: number) {
    if (!Number.isSafeInteger(recordingId)) throw new Error(`invalid recording id ${recordingId}`);
    // CAST reads the bytes in the database's encoding: UTF-8 is what the payloads are.
    const encoding = db.pragma('encoding', { simple: true }) as string;
    if (encoding !== 'UTF-8') throw new Error(`the database's encoding is ${encoding}, not UTF-8`);
    this.many = db.prepare(insertSql(recordingId, ROWS_PER_INSERT));
    this.single = db.prepare(insertSql(recordingId, 1));
  }

  get count(): number {
    return this.nextSeq;
  }

  /** Adds a batch's events: times, keys and payload i of `payloads` belong together. */
  addBatch(ts: ArrayLike<number>, keys: (string | null)[], payloads: PackedPayloads): void {
    const { data, ends } = payloads;
    if (ends.length !== ts.length || keys.length !== ts.length)
      throw new Error(`a batch of ${ts.length} times, ${keys.length} keys, ${ends.length} payloads`);
    let start = 0;
    for (let i = 0; i < ts.length; i++) {
      const end = ends[i];
      this.add(ts[i], keys[i], new Uint8Array(data.buffer, data.byteOffset + start, end - start));
      start = end;
    }
  }

  private add(ts: number, key: string | null, payload: Uint8Array): void {
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
