import type { Migration } from './migration';

/**
 * Filtering a recording's events by key (the event table, per-key replay lookups) seeks this
 * index instead of scanning the recording. `seq` is part of it so such a filter also comes out
 * in file order without a sort.
 */
/** Also the definition an import that dropped the index (and was killed) is restored from at the next open. */
export const EVENTS_BY_KEY_SQL = 'CREATE INDEX events_by_key ON events(recording_id, key, seq)';

export const migration004EventsByKey: Migration = {
  version: 4,
  name: 'events by key',
  up: (db) => {
    db.exec(EVENTS_BY_KEY_SQL);
  },
};
