/**
 * SQL for patterns and their versions. Synchronous and free of policy: the pattern service
 * decides when a version is recorded; this file only reads and writes rows.
 */
import type { Database } from 'better-sqlite3';
import type { PatternSummary, PatternVersionInfo } from '../../contract';

export interface PatternRow {
  id: string;
  name: string;
  document: string;
  semantic_hash: string;
  created_at: string;
  updated_at: string;
  latest_version: number;
}

export interface VersionRow {
  version: number;
  document: string;
  semantic_hash: string;
  created_at: string;
  message: string | null;
}

export interface NewVersion {
  patternId: string;
  version: number;
  document: string;
  semanticHash: string;
  formatVersion: number | null;
  createdAt: string;
  message: string | null;
}

const selectPattern = `
  SELECT p.id, p.name, p.document, p.semantic_hash, p.created_at, p.updated_at,
         (SELECT MAX(v.version) FROM pattern_versions v WHERE v.pattern_id = p.id) AS latest_version
    FROM patterns p`;

export function toSummary(row: PatternRow): PatternSummary {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    latestVersion: row.latest_version,
  };
}

export function toVersionInfo(row: VersionRow, summary: string | null = null): PatternVersionInfo {
  return {
    version: row.version,
    createdAt: row.created_at,
    semanticHash: row.semantic_hash,
    message: row.message,
    summary,
  };
}

export class PatternStore {
  constructor(private readonly db: Database) {}

  /** Runs `fn` atomically (BEGIN IMMEDIATE, so concurrent writers queue on busy_timeout). */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  list(): PatternRow[] {
    return this.db.prepare<[], PatternRow>(`${selectPattern} ORDER BY p.updated_at DESC, p.name`).all();
  }

  find(id: string): PatternRow | undefined {
    return this.db.prepare<[string], PatternRow>(`${selectPattern} WHERE p.id = ?`).get(id);
  }

  insertPattern(row: Omit<PatternRow, 'latest_version'>): void {
    this.db
      .prepare(
        `INSERT INTO patterns (id, name, document, semantic_hash, created_at, updated_at)
         VALUES (@id, @name, @document, @semantic_hash, @created_at, @updated_at)`,
      )
      .run(row);
  }

  updateDocument(id: string, document: string, semanticHash: string, updatedAt: string): void {
    this.db
      .prepare('UPDATE patterns SET document = ?, semantic_hash = ?, updated_at = ? WHERE id = ?')
      .run(document, semanticHash, updatedAt, id);
  }

  rename(id: string, name: string, updatedAt: string): void {
    this.db.prepare('UPDATE patterns SET name = ?, updated_at = ? WHERE id = ?').run(name, updatedAt, id);
  }

  /** Deletes the pattern; its versions go with it (ON DELETE CASCADE). */
  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM patterns WHERE id = ?').run(id).changes > 0;
  }

  insertVersion(v: NewVersion): void {
    this.db
      .prepare(
        `INSERT INTO pattern_versions (pattern_id, version, document, semantic_hash, format_version, created_at, message)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(v.patternId, v.version, v.document, v.semanticHash, v.formatVersion, v.createdAt, v.message);
  }

  /** A version's label is its only mutable part (the document never changes). */
  setVersionMessage(patternId: string, version: number, message: string | null): boolean {
    return (
      this.db
        .prepare('UPDATE pattern_versions SET message = ? WHERE pattern_id = ? AND version = ?')
        .run(message, patternId, version).changes > 0
    );
  }

  versions(patternId: string): VersionRow[] {
    return this.db
      .prepare<[string], VersionRow>(
        `SELECT version, document, semantic_hash, created_at, message
           FROM pattern_versions WHERE pattern_id = ? ORDER BY version DESC`,
      )
      .all(patternId);
  }

  version(patternId: string, version: number): VersionRow | undefined {
    return this.db
      .prepare<[string, number], VersionRow>(
        `SELECT version, document, semantic_hash, created_at, message
           FROM pattern_versions WHERE pattern_id = ? AND version = ?`,
      )
      .get(patternId, version);
  }
}
