/**
 * Reads and manages stored recordings on the app's connection. Synchronous (better-sqlite3);
 * the service layer wraps it in promises. Events are only ever read a page or a chunk at a
 * time, never a whole recording.
 */
import type { Database } from 'better-sqlite3';
import type {
  EventFilter,
  EventsPage,
  ReadEventsOptions,
  RecordingDetail,
  RecordingSummary,
  StoredEvent,
} from '../types';
import { filterSql, isEmptyFilter } from './event-filter-sql';
import {
  SUMMARY_COLUMNS,
  toDetail,
  toEvent,
  toSummary,
  type EventRow,
  type RecordingRow,
} from './recording-rows';

export const MAX_PAGE = 10_000;
const ITERATION_CHUNK = 1000;

export class RecordingNotFoundError extends Error {
  override name = 'RecordingNotFoundError';
  constructor(readonly id: number) {
    super(`Recording ${id} does not exist (it may have been deleted).`);
  }
}

/** The two statements of a filtered page (exported so tests can EXPLAIN them); page binds limit and offset last. */
export function filteredQueries(
  id: number,
  filter: EventFilter | undefined,
  keyField: string | null,
): { count: string; page: string; params: (string | number)[] } {
  const { where, params } = filterSql(id, filter, keyField);
  return {
    count: `SELECT COUNT(*) AS n FROM events WHERE ${where}`,
    page: `SELECT seq, ts, key, payload FROM events WHERE ${where} ORDER BY seq LIMIT ? OFFSET ?`,
    params,
  };
}

export class RecordingStore {
  constructor(private readonly db: Database) {}

  /** Newest first. */
  list(): RecordingSummary[] {
    const rows = this.db
      .prepare(`SELECT ${SUMMARY_COLUMNS} FROM recordings ORDER BY id DESC`)
      .all() as RecordingRow[];
    return rows.map(toSummary);
  }

  get(id: number): RecordingDetail {
    const row = this.db.prepare('SELECT * FROM recordings WHERE id = ?').get(id) as RecordingRow | undefined;
    if (!row) throw new RecordingNotFoundError(id);
    return toDetail(row);
  }

  rename(id: number, name: string): RecordingSummary {
    const trimmed = name.trim();
    if (trimmed === '') throw new Error('A recording name must not be empty.');
    const changes = this.db.prepare('UPDATE recordings SET name = ? WHERE id = ?').run(trimmed, id).changes;
    if (changes === 0) throw new RecordingNotFoundError(id);
    const { malformed: _malformed, ...summary } = this.get(id);
    return summary;
  }

  /** Removes the recording and all its events in one transaction. */
  delete(id: number): void {
    this.db
      .transaction(() => {
        // Explicit, so deletion does not depend on the connection's foreign_keys setting.
        this.db.prepare('DELETE FROM events WHERE recording_id = ?').run(id);
        const changes = this.db.prepare('DELETE FROM recordings WHERE id = ?').run(id).changes;
        if (changes === 0) throw new RecordingNotFoundError(id);
      })
      .immediate();
  }

  /**
   * One page of events in file order, with the number of events matching the filter. Without a
   * filter the page is found by seq (an index seek), so deep pages cost the same as the first.
   */
  readEvents(id: number, options: ReadEventsOptions): EventsPage {
    const recording = this.get(id);
    const offset = Math.max(0, Math.floor(options.offset));
    const limit = Math.min(MAX_PAGE, Math.max(0, Math.floor(options.limit)));
    if (isEmptyFilter(options.filter)) {
      const rows = this.db
        .prepare(
          'SELECT seq, ts, key, payload FROM events WHERE recording_id = ? AND seq >= ? AND seq < ? ORDER BY seq',
        )
        .all(id, offset, offset + limit) as EventRow[];
      return { total: recording.rowCount, offset, events: rows.map(toEvent) };
    }
    const { count, page, params } = filteredQueries(id, options.filter, recording.keyField);
    const total = (this.db.prepare(count).get(...params) as { n: number }).n;
    const rows = this.db.prepare(page).all(...params, limit, offset) as EventRow[];
    return { total, offset, events: rows.map(toEvent) };
  }

  /**
   * Events with fromSeq <= seq < toSeq in order, fetched 1,000 at a time, for the replay
   * engine. The connection is free between chunks (no open cursor), so other queries and
   * writes may run while a replay iterates.
   */
  *eventsBetween(id: number, fromSeq: number, toSeq: number): Generator<StoredEvent> {
    this.get(id);
    const chunk = this.db.prepare(
      'SELECT seq, ts, key, payload FROM events WHERE recording_id = ? AND seq >= ? AND seq < ? ORDER BY seq LIMIT ?',
    );
    let next = Math.max(0, fromSeq);
    while (next < toSeq) {
      const rows = chunk.all(id, next, toSeq, ITERATION_CHUNK) as EventRow[];
      if (rows.length === 0) return;
      for (const row of rows) yield toEvent(row);
      next = rows[rows.length - 1].seq + 1;
    }
  }
}
