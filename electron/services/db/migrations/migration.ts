import type { Database } from 'better-sqlite3';

/** One schema step. `up` runs inside the migration transaction; it must not commit itself. */
export interface Migration {
  /** The PRAGMA user_version after this step; migrations are numbered 1, 2, 3… without gaps. */
  version: number;
  name: string;
  up: (db: Database) => void;
}
