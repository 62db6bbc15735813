/**
 * Result types of the back-end contract: plain JSON-safe data, identical over IPC and HTTP.
 * Timestamps are ISO-8601 strings (UTC) so they survive structured clone and JSON alike.
 */

import type { WelcomeSample } from './samples';

/** Which host is serving the API; the UI may adapt wording (e.g. "Reveal data folder"). */
export type HostKind = 'electron' | 'web' | 'test';

export interface AppInfo {
  name: string;
  version: string;
  host: HostKind;
  /** Absolute folder holding cepheus.db. */
  dataDir: string;
  /** Absolute path of the SQLite file. */
  databasePath: string;
  /** PRAGMA user_version of the open database (= the newest migration applied). */
  schemaVersion: number;
  /**
   * Set when this start found a fresh data folder and seeded the samples: the app opens this
   * pattern with its recording ready to replay. Null on every later start.
   */
  welcome: WelcomeSample | null;
}

/** A pattern as listed in the library: no document, cheap to fetch for all patterns. */
export interface PatternSummary {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  /** Number of the newest saved version (versions count from 1). */
  latestVersion: number;
}

/** A pattern with the document of its newest version. */
export interface PatternDetail extends PatternSummary {
  /** The pattern document (engine/format); JSON data, validated before it was stored. */
  document: unknown;
  /** Hash of the document's semantic content (layout-only edits do not change it). */
  semanticHash: string;
}

/** One entry of a pattern's history, newest first in `patterns.versions`. */
export interface PatternVersionInfo {
  version: number;
  createdAt: string;
  semanticHash: string;
  /** The user's label for this version, if any. */
  message: string | null;
  /**
   * What this version changed, on one line ("Added "b", condition of "a" (+2 more)"), against the
   * version before it: name, description and meaning, never layout. Null for the first version.
   */
  summary: string | null;
}

/** A stored version including its document (what `patterns.getVersion` returns). */
export interface PatternVersionDetail extends PatternVersionInfo {
  patternId: string;
  document: unknown;
}

/** Outcome of `patterns.save` and `patterns.restoreVersion`. */
export interface SaveResult {
  pattern: PatternDetail;
  /**
   * True when a new version was recorded. False when the semantic content was unchanged: the
   * stored document is still replaced (layout edits persist) but history gets no new entry.
   */
  versionCreated: boolean;
}
