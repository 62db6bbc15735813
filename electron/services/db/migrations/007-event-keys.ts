import type { Migration } from './migration';

/**
 * Which events hold which key, as a table of its own in key order, in place of the index
 * `events_by_key` (migration 004). An import fills it in short chunks after its events, sorted
 * once (recordings/import/key-table.ts): the index had to be rebuilt with one CREATE INDEX, which
 * held the write lock for seconds per million events, and every save waited for it. Events
 * without a key have no row. Filters by key seek it (`seq IN (SELECT seq FROM event_keys …)`),
 * and its rows come out in seq order for each key, as the index's did.
 */
export const EVENT_KEYS_SQL = `CREATE TABLE event_keys (
  recording_id INTEGER NOT NULL,
  key          TEXT NOT NULL,
  seq          INTEGER NOT NULL,
  PRIMARY KEY (recording_id, key, seq)
) WITHOUT ROWID`;

export const migration007EventKeys: Migration = {
  version: 7,
  name: 'event keys table',
  up: (db) => {
    db.exec(EVENT_KEYS_SQL);
    // In key order, so the table's pages are appended to, not split.
    db.exec(`INSERT INTO event_keys (recording_id, key, seq)
             SELECT recording_id, key, seq FROM events WHERE key IS NOT NULL ORDER BY recording_id, key, seq`);
    // IF EXISTS: an import killed while it had dropped the index (before this migration) left none.
    db.exec('DROP INDEX IF EXISTS events_by_key');
  },
};
