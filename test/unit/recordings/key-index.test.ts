import type { Database } from 'better-sqlite3';
import { statSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RecordingStore, runImport } from '../../../electron/services/recordings';
import { DISTINCT_KEYS_SQL } from '../../../electron/services/recordings/import/run-import';
import { filteredQueries } from '../../../electron/services/recordings/store/recording-store';
import { jsonlText, request, tempDb, writeFile, type TempDb } from './helpers';

function eventIndexes(db: Database): string[] {
  const rows = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' ORDER BY name")
    .all() as { name: string }[];
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
    const id = await runImport(
      t.db,
      request(writeFile(t.dir, 'a.jsonl', jsonlText(3000)), { keyField: 'key' }),
    );
    // The first import into an empty table rebuilds the secondary indexes after the bulk insert.
    expect(eventIndexes(t.db)).toEqual(ALL_INDEXES);
    const { count, page, params } = filteredQueries(id, { equals: [{ field: 'key', value: 'k7' }] }, 'key');
    expect(plan(t.db, count, params)).toContain(
      'USING COVERING INDEX events_by_key (recording_id=? AND key=?)',
    );
    const pagePlan = plan(t.db, page, [...params, 10, 0]);
    expect(pagePlan).toContain('USING INDEX events_by_key (recording_id=? AND key=?)');
    expect(pagePlan).not.toContain('TEMP B-TREE');
    const events = new RecordingStore(t.db).readEvents(id, {
      offset: 0,
      limit: 100,
      filter: { equals: [{ field: 'key', value: 'k7' }] },
    });
    expect(events.total).toBe(60);
    expect(events.events.map((e) => e.seq)).toEqual(Array.from({ length: 60 }, (_, i) => 7 + 50 * i));
  });

  it("counts a recording's distinct keys on the index, ignoring rows without a key", async () => {
    const rows = Array.from({ length: 300 }, (_, i) =>
      JSON.stringify(i % 7 === 0 ? { ts: i } : { ts: i, key: `k${i % 40}` }),
    ).join('\n');
    const id = await runImport(t.db, request(writeFile(t.dir, 'k.jsonl', rows), { keyField: 'key' }));
    expect(new RecordingStore(t.db).get(id).keyCount).toBe(
      new Set(
        Array.from({ length: 300 }, (_, i) => i)
          .filter((i) => i % 7 !== 0)
          .map((i) => i % 40),
      ).size,
    );
    expect(plan(t.db, DISTINCT_KEYS_SQL, [id])).toContain(
      'USING COVERING INDEX events_by_key (recording_id=?)',
    );
  });

  it('keeps the indexes through a small import into a full table and through a failed one', async () => {
    await runImport(t.db, request(writeFile(t.dir, 'big.jsonl', jsonlText(5000)), { keyField: 'key' }));
    const small = await runImport(
      t.db,
      request(writeFile(t.dir, 'small.jsonl', jsonlText(20, 100)), { keyField: 'key' }),
    );
    expect(eventIndexes(t.db)).toEqual(ALL_INDEXES);
    const page = new RecordingStore(t.db).readEvents(small, {
      offset: 0,
      limit: 10,
      filter: { equals: [{ field: 'key', value: 'k0' }] },
    });
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

describe('bulk import connection settings', () => {
  it('are restored after an import, and the committed import waits in the WAL for a checkpoint', async () => {
    const t = tempDb();
    try {
      // Low, so an import of a few hundred KB would be checkpointed at its COMMIT if they stayed on.
      t.db.pragma('wal_autocheckpoint = 10');
      const before = ['cache_size', 'temp_store', 'synchronous', 'threads', 'wal_autocheckpoint'].map((p) =>
        t.db.pragma(p, { simple: true }),
      );
      await runImport(t.db, request(writeFile(t.dir, 'a.jsonl', jsonlText(3000)), { keyField: 'key' }));
      expect(
        ['cache_size', 'temp_store', 'synchronous', 'threads', 'wal_autocheckpoint'].map((p) =>
          t.db.pragma(p, { simple: true }),
        ),
      ).toEqual(before);
      // Automatic checkpoints were off during the import: its pages are still only in the WAL, so
      // the database file grows only when a checkpoint copies them (the import worker runs one).
      const committed = statSync(t.dbPath).size;
      t.db.pragma('wal_checkpoint(PASSIVE)');
      expect(statSync(t.dbPath).size).toBeGreaterThan(committed + 100_000);
    } finally {
      t.cleanup();
    }
  });
});
