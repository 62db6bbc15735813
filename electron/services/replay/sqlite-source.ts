/** An EventSource over a stored recording, read in chunks on its own read-only connection. */
import type { Database, Statement } from 'better-sqlite3';
import type { EventSource, ReplayEvent } from '../../../engine/debug';
import { ChunkTimeIndex } from './time-index';

interface Row {
  seq: number;
  ts: number;
  key: string | null;
  payload: string;
}

export class SqliteEventSource implements EventSource {
  readonly count: number;
  private readonly range: Statement<[number, number, number]>;
  private readonly atTime: Statement<[number, number]>;
  private readonly atTimeWithin: Statement<[number, number, number, number]>;
  private readonly times: ChunkTimeIndex;

  constructor(
    db: Database,
    readonly recordingId: number,
  ) {
    const row = db.prepare('SELECT row_count FROM recordings WHERE id = ?').get(recordingId) as { row_count: number } | undefined;
    if (row === undefined) throw new Error(`Recording ${recordingId} does not exist (it may have been deleted).`);
    this.count = row.row_count;
    this.range = db.prepare('SELECT seq, ts, key, payload FROM events WHERE recording_id = ? AND seq >= ? AND seq < ? ORDER BY seq');
    this.atTime = db.prepare('SELECT MIN(seq) AS seq FROM events WHERE recording_id = ? AND ts >= ?');
    // ORDER BY seq keeps the planner on events_by_seq: one chunk, stopping at the first hit.
    this.atTimeWithin = db.prepare('SELECT seq FROM events WHERE recording_id = ? AND seq >= ? AND seq < ? AND ts >= ? ORDER BY seq LIMIT 1');
    this.times = new ChunkTimeIndex(this.count);
  }

  read(from: number, to: number): ReplayEvent[] {
    const rows = this.range.all(this.recordingId, from, to) as Row[];
    this.times.record(from, rows.map((r) => r.ts));
    return rows.map((r) => ({ seq: r.seq, ts: r.ts, key: r.key, payload: JSON.parse(r.payload) as Record<string, unknown> }));
  }

  /**
   * First event in file order whose recorded time is at or after ts. Once every chunk has been read
   * (the analysis reads them all) a search over running maxima and one chunk; before that, the
   * index on (recording_id, ts) — which still visits every later event (up to a second at 1M).
   */
  firstAtOrAfter(ts: number): number | null {
    const chunk = this.times.chunkReaching(ts);
    if (chunk === null) return null;
    const r = (chunk === undefined ? this.atTime.get(this.recordingId, ts) : this.atTimeWithin.get(this.recordingId, chunk.from, chunk.to, ts)) as { seq: number | null } | undefined;
    return r?.seq ?? null;
  }
}
