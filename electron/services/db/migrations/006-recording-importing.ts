import type { Migration } from './migration';

/**
 * An import commits in short chunks (so it never holds the write lock for long); until its last
 * chunk its recording row has `importing = 1`, and every reader leaves such rows out. Rows left
 * importing by a killed process are removed at the next open (recordings/import/unfinished-imports.ts).
 */
export const migration006RecordingImporting: Migration = {
  version: 6,
  name: 'recording importing flag',
  up: (db) => {
    db.exec('ALTER TABLE recordings ADD COLUMN importing INTEGER NOT NULL DEFAULT 0');
  },
};
