/**
 * The import itself: ONE transaction adds the recording row and appends its events straight to
 * `events`, then fills in the statistics and commits. Until that COMMIT nothing is visible to
 * other connections; cancellation, an error or a killed process leave the database exactly as
 * before (SQLite rolls back an unfinished transaction, also on the next open after a crash).
 * The transaction holds SQLite's write lock from the first row to the COMMIT (readers are never
 * blocked: WAL). Runs in a worker thread (import-worker.ts) in the app; callable directly by the
 * CLI, the benchmark and tests.
 */
import type { Database } from 'better-sqlite3';
import { stat } from 'node:fs/promises';
import type { ImportProgress, ImportRequest } from '../types';
import { bulkImportSettings, deferIndexes } from './deferred-indexes';
import { openEventProducer, type EventProducer } from './event-batches';
import { EventWriter } from './event-writer';
import { RecordingImportError } from './import-error';
import { wrapReadError } from './read-error';
import { finishRecording, insertRecording } from './recording-row';
import { openEventProducerInWorker, ParseWorkerUnavailable } from './worker-event-producer';

export interface ImportHooks {
  onProgress?: (progress: ImportProgress) => void;
  /** Polled between batches; true stops the import and rolls it back. */
  isCancelled?: () => boolean;
  /**
   * Asked once, after the last row and before COMMIT; false rolls back as a cancel. A worker asks its
   * parent here, so a cancel sent while the last rows were written cannot be lost to a COMMIT.
   */
  confirmCommit?: () => Promise<boolean>;
  /** Minimum milliseconds between progress reports (default 100). */
  progressInterval?: number;
  now?: () => number;
  /**
   * Read and parse in a worker thread while this thread writes (worker-event-producer.ts).
   * Default: for files of PARSE_WORKER_MIN_BYTES and more, where it outweighs starting a thread.
   */
  parseInWorker?: boolean;
}

export const PARSE_WORKER_MIN_BYTES = 16 * 1024 * 1024;

async function fileBytes(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0; // the reader reports why the file cannot be read
  }
}

/** The worker-thread parser when wanted and available, else parsing in this thread. */
async function openProducer(request: ImportRequest, inWorker: boolean | undefined): Promise<EventProducer> {
  if (inWorker ?? (await fileBytes(request.path)) >= PARSE_WORKER_MIN_BYTES) {
    try {
      return await openEventProducerInWorker(request);
    } catch (error) {
      if (!(error instanceof ParseWorkerUnavailable)) throw error;
    }
  }
  return openEventProducer(request);
}

const cancelledError = (): RecordingImportError =>
  new RecordingImportError({ code: 'cancelled', message: 'Import cancelled; nothing was stored.' });

function checkRequest(request: ImportRequest): void {
  const problems: string[] = [];
  if (request.name.trim() === '') problems.push('the recording needs a name');
  if (request.timestampField.trim() === '') problems.push('choose the field that holds the event time');
  if (request.keyField !== undefined && request.keyField.trim() === '')
    problems.push('the key field name is empty');
  if (problems.length > 0)
    throw new RecordingImportError({
      code: 'invalid-request',
      message: `Cannot import: ${problems.join('; ')}.`,
    });
}

/** Counted on the key index (complete by then): cheaper than a JavaScript set of every key as rows go by. */
export const DISTINCT_KEYS_SQL = 'SELECT COUNT(DISTINCT key) AS n FROM events WHERE recording_id = ?';

function distinctKeys(db: Database, recordingId: number): number {
  return (db.prepare(DISTINCT_KEYS_SQL).get(recordingId) as { n: number }).n;
}

export async function runImport(
  db: Database,
  request: ImportRequest,
  hooks: ImportHooks = {},
): Promise<number> {
  checkRequest(request);
  const now = hooks.now ?? Date.now;
  let producer: EventProducer | null = null;
  let inTransaction = false;
  let restoreSettings: (() => void) | null = null;
  try {
    producer = await openProducer(request, hooks.parseInWorker);
    const info = producer.info;
    const interval = hooks.progressInterval ?? 100;
    let lastReport = 0;
    let progress: ImportProgress = { bytesRead: 0, totalBytes: info.fileBytes, rows: 0, malformed: 0 };
    const report = (): void => hooks.onProgress?.(progress);

    restoreSettings = bulkImportSettings(db);
    // BEGIN IMMEDIATE: take the write lock now (waiting busy_timeout for another writer) rather
    // than failing half way through the file.
    db.exec('BEGIN IMMEDIATE');
    inTransaction = true;
    const id = insertRecording(db, request, info, new Date(now()).toISOString());
    const writer = new EventWriter(db, id);
    let payloadBytes = 0;
    const indexes = deferIndexes(db, info.estimatedRows);
    for await (const batch of producer.batches) {
      for (let i = 0; i < batch.ts.length; i++) writer.add(batch.ts[i], batch.keys[i], batch.payloads[i]);
      payloadBytes += batch.payloadBytes;
      progress = {
        bytesRead: batch.bytesRead,
        totalBytes: info.fileBytes,
        rows: writer.count,
        malformed: batch.malformedTotal,
      };
      if (hooks.isCancelled?.()) throw cancelledError();
      const t = now();
      if (t - lastReport >= interval) {
        lastReport = t;
        report();
      }
    }
    writer.flush();

    const summary = producer.summary();
    const malformed = summary.malformed;
    if (request.onMalformed === 'reject' && malformed.total > 0) {
      const first = malformed.rows[0];
      throw new RecordingImportError({
        code: 'malformed-rows',
        message: `${malformed.total} malformed row(s); the first is line ${first.line}: ${first.reason}. Nothing was imported.`,
        malformed,
      });
    }
    if (writer.count === 0) {
      throw new RecordingImportError({
        code: 'empty',
        message:
          malformed.total > 0
            ? `No valid events: all ${malformed.total} row(s) are malformed.`
            : 'The file holds no events.',
        malformed,
      });
    }
    if (hooks.isCancelled?.()) throw cancelledError();
    indexes.rebuild();
    finishRecording(db, id, {
      rowCount: writer.count,
      payloadBytes,
      minTs: summary.minTs,
      maxTs: summary.maxTs,
      keyCount: distinctKeys(db, id),
      outOfOrder: summary.outOfOrder,
      outOfOrderSample: summary.outOfOrderSample,
      malformed,
      schema: summary.schema,
    });
    if (hooks.confirmCommit && !(await hooks.confirmCommit())) throw cancelledError();
    if (hooks.isCancelled?.()) throw cancelledError();
    db.exec('COMMIT');
    inTransaction = false;
    report();
    return id;
  } catch (error) {
    throw wrapReadError(error, request.path);
  } finally {
    if (inTransaction && db.inTransaction) db.exec('ROLLBACK');
    restoreSettings?.();
    producer?.close();
  }
}
