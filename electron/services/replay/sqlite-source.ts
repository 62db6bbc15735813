/** An EventSource over a stored recording, read in chunks on its own read-only connection. */
import type { Database, Statement } from 'better-sqlite3';
import type { EventSource, ReplayEvent } from '../../../engine/debug';
import type { StoredRow } from './event-columns';
import { JsonProjection } from './json-projection';
import { ChunkTimeIndex, TIME_CHUNK } from './time-index';

/** A row as `.raw()` returns it: seq, ts, key, payload (JSON text), no object per row. */
type Row = StoredRow;

export class SqliteEventSource implements EventSource {
  readonly count: number;
  private readonly range: Statement<[number, number, number]>;
  private readonly atTime: Statement<[number, number, number, number]>;
  private readonly atTimeByTs: Statement<[number, number]>;
  private readonly times: ChunkTimeIndex;
  private readonly minTs: number;
  private readonly maxTs: number;

  constructor(
    db: Database,
    readonly recordingId: number,
  ) {
    const row = db
      .prepare('SELECT row_count, min_ts, max_ts FROM recordings WHERE id = ? AND importing = 0')
      .get(recordingId) as { row_count: number; min_ts: number | null; max_ts: number | null } | undefined;
    if (row === undefined)
      throw new Error(`Recording ${recordingId} does not exist (it may have been deleted).`);
    this.count = row.row_count;
    this.minTs = row.min_ts ?? Number.NEGATIVE_INFINITY;
    this.maxTs = row.max_ts ?? Number.NEGATIVE_INFINITY;
    this.range = db
      .prepare(
        'SELECT seq, ts, key, payload FROM events WHERE recording_id = ? AND seq >= ? AND seq < ? ORDER BY seq',
      )
      .raw();
    // In seq order on events_by_seq, stopping at the first hit (MIN(seq) over the (recording_id, ts)
    // index visits every later event: up to a second at 1M).
    this.atTime = db.prepare(
      'SELECT seq FROM events WHERE recording_id = ? AND seq >= ? AND seq < ? AND ts >= ? ORDER BY seq LIMIT 1',
    );
    this.atTimeByTs = db.prepare('SELECT MIN(seq) AS seq FROM events WHERE recording_id = ? AND ts >= ?');
    this.times = new ChunkTimeIndex(this.count);
  }

  read(from: number, to: number): ReplayEvent[] {
    const rows = this.rows(from, to);
    const texts = new Array<string>(rows.length);
    for (let i = 0; i < rows.length; i++) texts[i] = rows[i][3];
    return events(rows, parsePayloads(texts));
  }

  /** Decodes only the named fields of each payload (see EventSource.readFields). */
  readFields(from: number, to: number, fields: readonly string[]): ReplayEvent[] {
    let projection = this.projection;
    if (projection === null || !sameFields(projection.fields, fields))
      projection = this.projection = new JsonProjection([...fields]);
    const rows = this.rows(from, to);
    const payloads = new Array<Record<string, unknown>>(rows.length);
    for (let i = 0; i < rows.length; i++)
      payloads[i] = projection.decode(rows[i][3]) as Record<string, unknown>;
    return events(rows, payloads);
  }

  private projection: JsonProjection | null = null;

  /** Notes the times of events [from, from + times.length) read elsewhere (see ReadAheadSource). */
  noteTimes(from: number, times: ArrayLike<number>): void {
    this.times.record(from, times);
  }

  private rows(from: number, to: number): Row[] {
    const rows = this.range.all(this.recordingId, from, to) as Row[];
    const n = rows.length;
    const times = new Array<number>(n);
    for (let i = 0; i < n; i++) times[i] = rows[i][1];
    this.times.record(from, times);
    return rows;
  }

  /**
   * First event in file order whose recorded time is at or after ts: one chunk of 1,024 events
   * found by the running maxima of the chunks read so far (all of them once the analysis ran),
   * else whichever visits fewer events by a time-proportional guess: a scan in seq order past
   * them, or the events at or after ts on the (recording_id, ts) index.
   */
  firstAtOrAfter(ts: number): number | null {
    const range = ts > this.maxTs ? null : this.times.locate(ts);
    if (range === null) return null;
    if (range.to - range.from > TIME_CHUNK) {
      const span = this.maxTs - this.minTs;
      const guess = span > 0 ? Math.round(((ts - this.minTs) / span) * this.count) : 0;
      if (guess - range.from > this.count - guess)
        return (this.atTimeByTs.get(this.recordingId, ts) as { seq: number | null } | undefined)?.seq ?? null;
    }
    const r = this.atTime.get(this.recordingId, range.from, range.to, ts) as { seq: number } | undefined;
    return r?.seq ?? null;
  }
}

function events(rows: readonly Row[], payloads: readonly Record<string, unknown>[]): ReplayEvent[] {
  const out = new Array<ReplayEvent>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    out[i] = { seq: r[0], ts: r[1], key: r[2], payload: payloads[i] };
  }
  return out;
}

function sameFields(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((f, i) => f === b[i]);
}

/**
 * The chunk's payloads in one JSON.parse of their texts joined into an array: one call into the
 * parser instead of one per row (the analysis of a recording is bound by decoding). Stored payloads
 * are JSON objects written by the import; should one not be, each is parsed alone, so the error
 * is the one a row-by-row parse gives.
 */
function parsePayloads(texts: readonly string[]): Record<string, unknown>[] {
  try {
    const all = JSON.parse(`[${texts.join(',')}]`) as unknown[];
    if (all.length === texts.length && all.every(isRecord)) return all;
  } catch {
    // A text that is not JSON, or one that joins with its neighbour: parsed alone below.
  }
  return texts.map((t) => JSON.parse(t) as Record<string, unknown>);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
