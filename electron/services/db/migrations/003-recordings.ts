import type { Migration } from './migration';

/**
 * Imported event recordings (owned by electron/services/recordings). An import commits in chunks
 * since migration 006, under a row marked `importing` that readers leave out until it is complete.
 * `events` is append-only per recording: `seq` counts from 0 in file order without gaps, which
 * lets paging seek by seq instead of OFFSET.
 */
export const migration003Recordings: Migration = {
  version: 3,
  name: 'recordings and events',
  up: (db) => {
    db.exec(`
      CREATE TABLE recordings (
        id               INTEGER PRIMARY KEY AUTOINCREMENT,
        name             TEXT NOT NULL,
        source_path      TEXT NOT NULL,
        source_format    TEXT NOT NULL CHECK (source_format IN ('csv', 'jsonl', 'json-array')),
        compressed       INTEGER NOT NULL,
        source_bytes     INTEGER NOT NULL,
        payload_bytes    INTEGER NOT NULL,
        row_count        INTEGER NOT NULL,
        min_ts           INTEGER,
        max_ts           INTEGER,
        timestamp_field  TEXT NOT NULL,
        timestamp_format TEXT NOT NULL CHECK (timestamp_format IN ('epochMillis', 'epochSeconds', 'iso8601')),
        key_field        TEXT,
        key_count        INTEGER NOT NULL,
        out_of_order     INTEGER NOT NULL,
        malformed_count  INTEGER NOT NULL,
        malformed        TEXT NOT NULL,
        schema           TEXT NOT NULL,
        created_at       TEXT NOT NULL
      );
      CREATE TABLE events (
        recording_id INTEGER NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,
        seq          INTEGER NOT NULL,
        ts           INTEGER NOT NULL,
        key          TEXT,
        payload      TEXT NOT NULL
      );
      CREATE UNIQUE INDEX events_by_seq ON events(recording_id, seq);
      CREATE INDEX events_by_ts ON events(recording_id, ts);
    `);
  },
};
