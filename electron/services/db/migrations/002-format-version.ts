import type { Migration } from './migration';

/**
 * Records which document-format version each stored version was written in, so a future
 * engine/format migration can find outdated documents without parsing every row.
 * Existing rows are back-filled from the document's own `version` field.
 */
export const migration002FormatVersion: Migration = {
  version: 2,
  name: 'document format version',
  up: (db) => {
    db.exec(`
      ALTER TABLE pattern_versions ADD COLUMN format_version INTEGER;
      UPDATE pattern_versions
         SET format_version = CASE WHEN json_valid(document) THEN json_extract(document, '$.version') END;
      CREATE INDEX pattern_versions_by_format ON pattern_versions(format_version);
      CREATE INDEX patterns_by_updated ON patterns(updated_at DESC);
    `);
  },
};
