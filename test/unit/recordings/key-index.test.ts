import type { Database } from 'better-sqlite3';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/services/db/open-database';
import { migrations } from '../../../electron/services/db/migrations';
import { createRecordingsService, RecordingStore, runImport } from '../../../electron/services/recordings';
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

function keyRows(db: Database, recordingId: number): { key: string; seq: number }[] {
  return db
    .prepare('SELECT key, seq FROM event_keys WHERE recording_id = ? ORDER BY key, seq')
    .all(recordingId) as { key: string; seq: number }[];
}

/** What the key table must hold: every event with a key, as the events table says. */
function keysOfEvents(db: Database, recordingId: number): { key: string; seq: number }[] {
  return db
    .prepare('SELECT key, seq FROM events WHERE recording_id = ? AND key IS NOT NULL ORDER BY key, seq')
    .all(recordingId) as { key: string; seq: number }[];
}

const INDEXES = ['events_by_seq', 'events_by_ts'];

describe('the key table (event_keys)', () => {
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
    expect(eventIndexes(t.db)).toEqual(INDEXES);
    expect(keyRows(t.db, id)).toEqual(keysOfEvents(t.db, id));
    const { count, page, params } = filteredQueries(id, { equals: [{ field: 'key', value: 'k7' }] }, 'key');
    expect(plan(t.db, count, params)).toMatch(
      /SEARCH event_keys USING PRIMARY KEY \(recording_id=\? AND key=\?\)/,
    );
    const pagePlan = plan(t.db, page, [...params, 10, 0]);
    expect(pagePlan).toMatch(/SEARCH event_keys USING PRIMARY KEY \(recording_id=\? AND key=\?\)/);
    expect(pagePlan).toContain('USING INDEX events_by_seq (recording_id=? AND seq=?)');
    expect(pagePlan).not.toContain('TEMP B-TREE');
    const events = new RecordingStore(t.db).readEvents(id, {
      offset: 0,
      limit: 100,
      filter: { equals: [{ field: 'key', value: 'k7' }] },
    });
    expect(events.total).toBe(60);
    expect(events.events.map((e) => e.seq)).toEqual(Array.from({ length: 60 }, (_, i) => 7 + 50 * i));
  });

  it("counts a recording's distinct keys on the key table, ignoring rows without a key", async () => {
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
    expect(keyRows(t.db, id)).toEqual(keysOfEvents(t.db, id));
    expect(plan(t.db, DISTINCT_KEYS_SQL, [id])).toContain('USING PRIMARY KEY (recording_id=?)');
  });

  it('keeps each recording its own keys; a failed import and a deletion leave none behind', async () => {
    const big = await runImport(
      t.db,
      request(writeFile(t.dir, 'big.jsonl', jsonlText(5000)), { keyField: 'key' }),
    );
    const small = await runImport(
      t.db,
      request(writeFile(t.dir, 'small.jsonl', jsonlText(20, 100)), { keyField: 'key' }),
    );
    expect(keyRows(t.db, small)).toEqual(keysOfEvents(t.db, small));
    const page = new RecordingStore(t.db).readEvents(small, {
      offset: 0,
      limit: 10,
      filter: { equals: [{ field: 'key', value: 'k0' }] },
    });
    expect(page.events.map((e) => (e.payload as { value: number }).value)).toEqual([100]);
    // A bad last line rolls the import back: its key rows (sorted after its events) go too.
    const bad = writeFile(t.dir, 'bad.jsonl', `${jsonlText(4000)}{"ts": "never"}\n`);
    await expect(runImport(t.db, request(bad, { keyField: 'key' }))).rejects.toMatchObject({
      code: 'malformed-rows',
    });
    const count = (): number =>
      (t.db.prepare('SELECT COUNT(*) AS n FROM event_keys').get() as { n: number }).n;
    expect(count()).toBe(5020);
    new RecordingStore(t.db).delete(big);
    expect(count()).toBe(20);
    expect(eventIndexes(t.db)).toEqual(INDEXES);
  });

  it('is filled in steps that let another writer in between them', async () => {
    const other = openDatabase(t.dbPath);
    try {
      other.exec('CREATE TABLE IF NOT EXISTS probe (n INTEGER)');
      // Seen by the other writer each time the import gives way: how many key rows of the import
      // were committed then. The import pretends a writer always waits, so every step commits.
      const keyRowsSeen: number[] = [];
      const id = await runImport(
        t.db,
        request(writeFile(t.dir, 'many.jsonl', jsonlText(120_000)), { keyField: 'key' }),
        {
          othersWaiting: () => true,
          betweenChunks: () => {
            other.prepare('INSERT INTO probe VALUES (1)').run(); // would throw SQLITE_BUSY under a held lock
            keyRowsSeen.push(
              (other.prepare('SELECT COUNT(*) AS n FROM event_keys').get() as { n: number }).n,
            );
            return Promise.resolve();
          },
        },
      );
      const partial = keyRowsSeen.filter((n) => n > 0 && n < 120_000);
      expect(partial.length).toBeGreaterThanOrEqual(2);
      expect(keyRows(t.db, id)).toEqual(keysOfEvents(t.db, id));
    } finally {
      other.close();
    }
  });
});

describe('migration 007 (key index → key table)', () => {
  it('moves the keys of a schema-6 file into the table, drops the index and discards a killed import', () => {
    const t = tempDb();
    const file = join(t.dir, 'schema-6.db');
    // A file as schema 6 left it, written with the released migrations 1–6.
    const old = openDatabase(file, { migrations: migrations.slice(0, 6) });
    try {
      expect(old.pragma('user_version', { simple: true })).toBe(6);
      expect(eventIndexes(old)).toEqual(['events_by_key', ...INDEXES]);
      const addRecording = old.prepare(
        `INSERT INTO recordings (name, source_path, source_format, compressed, source_bytes, payload_bytes,
           row_count, min_ts, max_ts, timestamp_field, timestamp_format, key_field, key_count, out_of_order,
           malformed_count, malformed, schema, created_at, importing)
         VALUES (?, 'x.csv', 'csv', 0, 0, 0, ?, 0, 0, 'ts', 'epochMillis', 'card', ?, 0, 0, '{"total":0,"rows":[]}', '[]', '2026-01-01T00:00:00Z', ?)`,
      );
      const addEvent = old.prepare(
        'INSERT INTO events (recording_id, seq, ts, key, payload) VALUES (?, ?, ?, ?, ?)',
      );
      const done = Number(addRecording.run('done', 40, 3, 0).lastInsertRowid);
      for (let seq = 0; seq < 40; seq++) {
        const key = seq % 10 === 9 ? null : `c${seq % 3}`;
        addEvent.run(done, seq, seq, key, JSON.stringify({ ts: seq, card: key }));
      }
      // An import killed while it had dropped the key index: its rows are still marked importing.
      const killed = Number(addRecording.run('killed', 0, 0, 1).lastInsertRowid);
      for (let seq = 0; seq < 5; seq++) addEvent.run(killed, seq, seq, 'c9', '{}');
      old.exec('DROP INDEX events_by_key');
    } finally {
      old.close();
    }
    const db = openDatabase(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
      expect(eventIndexes(db)).toEqual(INDEXES);
      const service = createRecordingsService({ db, dbPath: file });
      const [recording] = service.listRecordings();
      expect(recording.name).toBe('done');
      expect(keyRows(db, recording.id)).toEqual(keysOfEvents(db, recording.id));
      expect(keyRows(db, recording.id)).toHaveLength(36);
      // The killed import is gone with its key rows.
      expect(db.prepare('SELECT COUNT(*) AS n FROM event_keys WHERE key = ?').get('c9')).toEqual({ n: 0 });
      const page = service.readEvents(recording.id, {
        offset: 0,
        limit: 100,
        filter: { equals: [{ field: 'card', value: 'c1' }] },
      });
      expect(page.events.map((e) => e.seq)).toEqual([1, 4, 7, 10, 13, 16, 22, 25, 28, 31, 34, 37]);
      expect(page.total).toBe(12);
    } finally {
      db.close();
      t.cleanup();
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
