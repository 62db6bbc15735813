/**
 * What the readers read. The app's contract (electron/contract/recordings.ts) names the same
 * unions for the renderer; the services pass one to the other, so the compiler keeps them equal.
 */

/** How the events are laid out in the file (after gzip, if any, is undone). */
export type SourceFormat = 'csv' | 'jsonl' | 'json-array';

export type CsvDelimiter = ',' | ';' | '\t' | '|';
