/** Bytes the WAL file keeps after a checkpoint resets it (SQLite truncates it down to this): a big import must not leave a WAL of hundreds of MB. */
export const JOURNAL_SIZE_LIMIT = 16 * 1024 * 1024;
