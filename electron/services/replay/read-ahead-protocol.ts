/** Messages between a replay analysis and its read-ahead thread (read-ahead-worker.ts). Plain data. */
import type { ColumnBatch } from './event-columns';

export interface ReadAheadData {
  dbPath: string;
  recordingId: number;
  /** The payload fields the analysis reads (its pattern's fieldsRead). */
  fields: string[];
  /** Events [from, to) are read, in order, `batchRows` at a time. */
  from: number;
  to: number;
  batchRows: number;
  /** Batches sent ahead of the analysis before it takes one. */
  inFlight: number;
}

/**
 * `taken`: the analysis took a batch, one more may be sent. `skip`: the analysis read events
 * before `to` itself while this thread was starting: start at the batch holding `to`.
 */
export type ToReadAhead = { type: 'taken' } | { type: 'skip'; to: number };

export type FromReadAhead =
  | { type: 'batch'; batch: ColumnBatch }
  | { type: 'failed'; message: string }
  /** Every batch was sent; `cpuMs`: the thread's CPU time (for the benchmarks). */
  | { type: 'end'; cpuMs: number };
