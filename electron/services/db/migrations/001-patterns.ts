import type { Migration } from './migration';

/**
 * Patterns and their immutable history. `patterns.document` is the working copy (it may differ
 * from the newest version in layout only); `pattern_versions` rows are never updated.
 */
export const migration001Patterns: Migration = {
  version: 1,
  name: 'patterns and versions',
  up: (db) => {
    db.exec(`
      CREATE TABLE patterns (
        id            TEXT PRIMARY KEY,
        name          TEXT NOT NULL,
        document      TEXT NOT NULL,
        semantic_hash TEXT NOT NULL,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      );
      CREATE TABLE pattern_versions (
        id            INTEGER PRIMARY KEY,
        pattern_id    TEXT NOT NULL REFERENCES patterns(id) ON DELETE CASCADE,
        version       INTEGER NOT NULL CHECK (version >= 1),
        document      TEXT NOT NULL,
        semantic_hash TEXT NOT NULL,
        created_at    TEXT NOT NULL,
        message       TEXT,
        UNIQUE (pattern_id, version)
      );
    `);
  },
};
