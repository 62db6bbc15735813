import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RecordingStore, runImport } from '../../../electron/services/recordings';
import { filteredQueries } from '../../../electron/services/recordings/store/recording-store';
import { jsonlText, request, tempDb, writeFile, type TempDb } from './helpers';

function eventIndexes(db: Database): string[] {
  const rows = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' ORDER BY name").all() as { name: string }[];
  return rows.map((r) => r.name);
}

function plan(db: Database, sql: string, params: unknown[]): string {
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
  return rows.map((r) => r.detail).join('\n');
}

const ALL_INDEXES = ['events_by_key', 'events_by_seq', 'events_by_ts'];

describe('the events-by-key index', () => {
  let t: TempDb;
  beforeEach(() => {
    t = tempDb();
  });
  afterEach(() => t.cleanup());

  it('serves the event table filter by key, in seq order without a sort', async () => {
    const id = await runImport(t.db, request(writeFile(t.dir, 'a.jsonl', jsonlText(3000)), { keyField: 'key' }));
    // The first import into an empty table rebuilds the secondary indexes after the bulk insert.
    expect(eventIndexes(t.db)).toEqual(ALL_INDEXES);
    const { count, page, params } = filteredQueries(id, { equals: [{ field: 'key', value: 'k7' }] }, 'key');
    expect(plan(t.db, count, params)).toContain('USING COVERING INDEX events_by_key (recording_id=? AND key=?)');
    const pagePlan = plan(t.db, page, [...params, 10, 0]);
    expect(pagePlan).toContain('USING INDEX events_by_key (recording_id=? AND key=?)');
    expect(pagePlan).not.toContain('TEMP B-TREE');
    const events = new RecordingStore(t.db).readEvents(id, { offset: 0, limit: 100, filter: { equals: [{ field: 'key', value: 'k7' }] } });
    expect(events.total).toBe(60);
    expect(events.events.map((e) => e.seq)).toEqual(Array.from({ length: 60 }, (_, i) => 7 + 50 * i));
  });

  it('keeps the indexes through a small import into a full table and through a failed one', async () => {
    await runImport(t.db, request(writeFile(t.dir, 'big.jsonl', jsonlText(5000)), { keyField: 'key' }));
    const small = await runImport(t.db, request(writeFile(t.dir, 'small.jsonl', jsonlText(20, 100)), { keyField: 'key' }));
    expect(eventIndexes(t.db)).toEqual(ALL_INDEXES);
    const page = new RecordingStore(t.db).readEvents(small, { offset: 0, limit: 10, filter: { equals: [{ field: 'key', value: 'k0' }] } });
    expect(page.events.map((e) => (e.payload as { value: number }).value)).toEqual([100]);

    const fresh = tempDb();
    try {
      // Big enough to drop the indexes for a rebuild; a bad last line then rolls everything back.
      const bad = writeFile(fresh.dir, 'bad.jsonl', `${jsonlText(4000)}{"ts": "never"}\n`);
      await expect(runImport(fresh.db, request(bad))).rejects.toMatchObject({ code: 'malformed-rows' });
      expect(eventIndexes(fresh.db)).toEqual(ALL_INDEXES);
    } finally {
      fresh.cleanup();
    }
  });
});
