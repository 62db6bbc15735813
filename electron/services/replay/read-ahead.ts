/**
 * The events of a replay analysis, read and decoded on a second thread (read-ahead-worker.ts) while
 * this one matches: on two cores SQLite and payload decoding (two thirds of a 1M analysis) overlap
 * with the matcher. Batches arrive as columns and are rebuilt here into what the thread's own
 * `readFields` would return. A read the thread has not delivered (a range read again, or the
 * thread not started) is read here as before, so answers never depend on timing. A failure of the
 * thread (SQLite error, crash) fails the analysis with its message; nothing waits forever. While
 * the thread starts (loading its code), the analysis reads here and the thread then starts where
 * the analysis is.
 */
import { Worker } from 'node:worker_threads';
import { READ_CHUNK } from '../../../engine/debug/event-reader';
import type { EventSource, ReplayEvent } from '../../../engine/debug';
import { moduleUrlOf, workerScript } from '../worker-script';
import { ColumnReader, type ColumnBatch } from './event-columns';
import type { FromReadAhead, ReadAheadData, ToReadAhead } from './read-ahead-protocol';
import type { SqliteEventSource } from './sqlite-source';

/** Rows per batch: whole chunks of the analysis' reader, a few per message. */
export const AHEAD_BATCH_ROWS = 4 * READ_CHUNK;
/** Batches sent before the analysis takes one (~32k events, a few MB). */
export const AHEAD_IN_FLIGHT = 8;

export function readAheadWorkerScript(): { url: URL; execArgv: string[] } {
  return workerScript(moduleUrlOf((import.meta as { url?: string }).url), 'read-ahead-worker');
}

export interface ReadAheadOptions {
  /** Rows per batch, a multiple of READ_CHUNK (default AHEAD_BATCH_ROWS). */
  batchRows?: number;
  inFlight?: number;
  /** Starts the thread (tests start a failing one). */
  spawn?: (data: ReadAheadData) => Worker;
}

export class ReadAheadSource implements EventSource {
  readonly count: number;
  private readonly batchRows: number;
  /** Events handed over from the thread's batches (the rest were read here). */
  fromThread = 0;
  private readonly columns: ColumnReader;
  private readonly batches = new Map<number, ColumnBatch>();
  private readonly worker: Worker;
  /** Everything before this seq has been read (here or from a batch); later batches only count. */
  private readTo = 0;
  private ended = false;
  /** A first batch has arrived (before, the analysis reads here and tells the thread where it is). */
  started = false;
  /** The reading thread's CPU time, once it has sent everything (for the benchmarks). */
  readerCpuMs: number | null = null;
  private closed = false;
  private failure: Error | null = null;
  private waiter: { at: number; resolve: () => void; reject: (e: Error) => void } | null = null;

  /** Starts the reading thread (throws if it cannot be started: then read `source` alone). */
  constructor(
    private readonly source: SqliteEventSource,
    dbPath: string,
    fields: readonly string[],
    options: ReadAheadOptions = {},
  ) {
    this.count = source.count;
    this.columns = new ColumnReader(fields);
    this.batchRows = options.batchRows ?? AHEAD_BATCH_ROWS;
    if (this.batchRows % READ_CHUNK !== 0) throw new Error(`batchRows must be a multiple of ${READ_CHUNK}`);
    this.worker = (options.spawn ?? spawnReadAhead)({
      dbPath,
      recordingId: source.recordingId,
      fields: [...fields],
      from: 0,
      to: source.count,
      batchRows: this.batchRows,
      inFlight: options.inFlight ?? AHEAD_IN_FLIGHT,
    });
    this.worker.on('message', (m: FromReadAhead) => this.received(m));
    this.worker.on('error', (e) => this.fail(e.message));
    this.worker.on('exit', (code) => {
      if (!this.ended && !this.closed)
        this.fail(`the reading thread stopped (exit code ${code}) before the end of the recording`);
    });
  }

  read(from: number, to: number): ReplayEvent[] {
    return this.source.read(from, to);
  }

  readFields(from: number, to: number, fields: readonly string[]): ReplayEvent[] {
    const start = from - (from % this.batchRows);
    const b = this.batches.get(start);
    if (b === undefined || to > b.to || !sameFields(fields, this.columns.fields)) {
      if (this.failure !== null) throw this.failure;
      const here = this.source.readFields(from, to, fields);
      // A batch of this range arriving later is taken at once: held, it would keep the thread's
      // credit and the thread could stop before the batches the analysis waits for.
      this.readTo = Math.max(this.readTo, to);
      return here;
    }
    for (const s of this.batches.keys()) if (s < start) this.take(s);
    const events = this.columns.events(b, from, to);
    this.fromThread += events.length;
    this.source.noteTimes(from, b.ts.subarray(from - b.from, to - b.from));
    if (to >= b.to) this.take(start);
    this.readTo = Math.max(this.readTo, to);
    return events;
  }

  /** The events [from, from + n) (capped at the end) have arrived, or will be read here (the thread is done or failed). */
  has(from: number, n: number): boolean {
    const last = Math.min(this.count, from + n) - 1;
    if (last < from || this.ended || this.failure !== null) return true;
    return this.batchAt(from) && this.batchAt(last);
  }

  /**
   * Settles when the event at `at` has arrived, or will be read here (the thread is done); rejects
   * with the thread's failure.
   */
  ready(at: number): Promise<void> {
    if (this.failure !== null) return Promise.reject(this.failure);
    if (at >= this.count || this.ended || this.batchAt(at)) return Promise.resolve();
    return new Promise((resolve, reject) => (this.waiter = { at, resolve, reject }));
  }

  /** Before the first batch: the analysis has read events before `seq` here; the thread starts there. */
  skipTo(seq: number): void {
    if (!this.started && !this.closed)
      this.worker.postMessage({ type: 'skip', to: seq } satisfies ToReadAhead);
  }

  /** Ends the thread (the analysis is over, or gave up). */
  close(): Promise<number> {
    this.closed = true;
    this.batches.clear();
    return this.worker.terminate();
  }

  /** The event at seq has arrived, or was read already (the analysis' reader holds its chunk). */
  private batchAt(seq: number): boolean {
    if (seq < this.readTo) return true;
    const b = this.batches.get(seq - (seq % this.batchRows));
    return b !== undefined && seq < b.to;
  }

  private take(start: number): void {
    this.batches.delete(start);
    if (!this.closed) this.worker.postMessage({ type: 'taken' } satisfies ToReadAhead);
  }

  private received(m: FromReadAhead): void {
    if (m.type === 'failed') this.fail(m.message);
    else if (m.type === 'end') {
      this.ended = true;
      this.readerCpuMs = m.cpuMs;
    } else {
      this.started = true;
      this.batches.set(m.batch.from, m.batch);
      // Already read here (a range read before it arrived): let the thread go on.
      if (m.batch.to <= this.readTo) this.take(m.batch.from);
    }
    this.wake();
  }

  private fail(message: string): void {
    if (this.closed || this.failure !== null) return;
    this.failure = new Error(`Reading recording ${this.source.recordingId} failed: ${message}`);
    this.wake();
  }

  private wake(): void {
    const w = this.waiter;
    if (w === null) return;
    if (this.failure !== null) {
      this.waiter = null;
      w.reject(this.failure);
    } else if (this.ended || this.batchAt(w.at)) {
      this.waiter = null;
      w.resolve();
    }
  }
}

function spawnReadAhead(data: ReadAheadData): Worker {
  const { url, execArgv } = readAheadWorkerScript();
  return new Worker(url, { workerData: data, execArgv });
}

function sameFields(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((f, i) => f === b[i]);
}
