/**
 * Reads and manages stored recordings on the app's connection. Synchronous (better-sqlite3);
 * the service layer wraps it in promises. Events are only ever read a page or a chunk at a
 * time, never a whole recording.
 */
import type { Database } from 'better-sqlite3';
import { compileCondition, parseCondition, type CompiledCondition } from '../../../../engine/expr/index';
import type { EventSchema } from '../../../../engine/pattern/spec';
import type {
  EventFilter,
  EventsPage,
  ReadEventsOptions,
  RecordingDetail,
  RecordingSummary,
  StoredEvent,
} from '../types';
import { expressionSql, type ExpressionSql } from './event-expression-sql';
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

/** A filter condition that does not compile: the message names the problem and its column. */
export class EventFilterError extends Error {
  override name = 'EventFilterError';
}

/** The SQL function that evaluates a filter condition on a stored payload (registered per connection). */
const MATCHES_FN = 'cepheus_event_matches';
/** Compiled filter conditions kept, and filtered totals remembered (a table asks for many pages of one filter). */
const CACHE_SIZE = 32;

/** A filter's condition: what SQL can say of it, and the compiled condition for the rest. */
interface FilterCondition {
  sql: ExpressionSql;
  token: number;
}

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
  condition?: FilterCondition,
): { count: string; page: string; params: (string | number)[] } {
  const { where: base, params } = filterSql(id, filter, keyField, condition?.sql);
  let where = base;
  if (condition && !condition.sql.exact) {
    where = `${base} AND ${MATCHES_FN}(?, payload)`;
    params.push(condition.token);
  }
  return {
    count: `SELECT COUNT(*) AS n FROM events WHERE ${where}`,
    page: `SELECT seq, ts, key, payload FROM events WHERE ${where} ORDER BY seq LIMIT ? OFFSET ?`,
    params,
  };
}

export class RecordingStore {
  private readonly conditions = new Map<string, { compiled: CompiledCondition; token: number }>();
  private readonly byToken = new Map<number, CompiledCondition>();
  private nextToken = 1;
  private readonly totals = new Map<string, number>();

  constructor(private readonly db: Database) {
    db.function(MATCHES_FN, { deterministic: false }, (token, payload) => {
      const test = this.byToken.get(Number(token));
      if (!test || typeof payload !== 'string') return 0;
      try {
        return test(JSON.parse(payload) as Record<string, unknown>, { eventsOf: () => [] }) ? 1 : 0;
      } catch {
        return 0;
      }
    });
  }

  /** Compiles a filter condition against the recording's fields; throws EventFilterError with the first problem. */
  private filterCondition(recording: RecordingDetail, source: string): FilterCondition {
    const schema: EventSchema = { fields: recording.schema.map((f) => ({ name: f.name, type: f.type })) };
    const cacheKey = `${recording.id}\u0000${source}`;
    let entry = this.conditions.get(cacheKey);
    if (!entry) {
      const r = compileCondition(source, { stages: [], schema });
      if (!r.ok) {
        const d = r.diagnostics.find((x) => x.severity === 'error') ?? r.diagnostics[0];
        const at = d?.range ? ` (column ${d.range.column})` : '';
        throw new EventFilterError(`Filter: ${d?.message ?? 'not a condition'}${at}`);
      }
      entry = { compiled: r.condition, token: this.nextToken++ };
      this.conditions.set(cacheKey, entry);
      this.byToken.set(entry.token, entry.compiled);
      if (this.conditions.size > CACHE_SIZE) {
        const [oldKey, old] = this.conditions.entries().next().value as [string, { token: number }];
        this.conditions.delete(oldKey);
        this.byToken.delete(old.token);
      }
    }
    const parsed = parseCondition(source);
    const sql = parsed.ast
      ? expressionSql(parsed.ast, {
          recordingId: recording.id,
          keyField: recording.keyField,
          timestampField: recording.timestampField,
          timestampFormat: recording.timestampFormat,
        })
      : { where: null, params: [], exact: false };
    return { sql, token: entry.token };
  }

  /** Newest first. */
  list(): RecordingSummary[] {
    const rows = this.db
      .prepare(`SELECT ${SUMMARY_COLUMNS} FROM recordings WHERE importing = 0 ORDER BY id DESC`)
      .all() as RecordingRow[];
    return rows.map(toSummary);
  }

  get(id: number): RecordingDetail {
    const row = this.db.prepare('SELECT * FROM recordings WHERE id = ? AND importing = 0').get(id) as
      RecordingRow | undefined;
    if (!row) throw new RecordingNotFoundError(id);
    return toDetail(row);
  }

  rename(id: number, name: string): RecordingSummary {
    const trimmed = name.trim();
    if (trimmed === '') throw new Error('A recording name must not be empty.');
    const changes = this.db
      .prepare('UPDATE recordings SET name = ? WHERE id = ? AND importing = 0')
      .run(trimmed, id).changes;
    if (changes === 0) throw new RecordingNotFoundError(id);
    const { malformed: _malformed, outOfOrder: _outOfOrder, ...summary } = this.get(id);
    return summary;
  }

  /** Removes the recording and all its events in one transaction. */
  delete(id: number): void {
    this.db
      .transaction(() => {
        // Explicit, so deletion does not depend on the connection's foreign_keys setting.
        // A recording still importing is not the user's to delete (its import discards it when it stops).
        const changes = this.db
          .prepare('DELETE FROM recordings WHERE id = ? AND importing = 0')
          .run(id).changes;
        if (changes === 0) throw new RecordingNotFoundError(id);
        this.db.prepare('DELETE FROM event_keys WHERE recording_id = ?').run(id);
        this.db.prepare('DELETE FROM events WHERE recording_id = ?').run(id);
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
    const source = options.filter?.expression?.trim();
    const condition = source ? this.filterCondition(recording, source) : undefined;
    const { count, page, params } = filteredQueries(id, options.filter, recording.keyField, condition);
    // A recording never changes once stored: a filter's total holds until the recording is deleted.
    const totalKey = `${id}\u0000${JSON.stringify(options.filter)}`;
    let total = this.totals.get(totalKey);
    if (total === undefined) {
      total = (this.db.prepare(count).get(...params) as { n: number }).n;
      this.totals.set(totalKey, total);
      if (this.totals.size > CACHE_SIZE) this.totals.delete(this.totals.keys().next().value as string);
    }
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
