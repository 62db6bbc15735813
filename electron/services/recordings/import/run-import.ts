/**
 * The import itself, in short transactions (chunked-writes.ts): the first adds the recording row
 * marked `importing`, which every reader leaves out; the next ones append its events straight to
 * `events`, each committed after holding SQLite's write lock for CHUNK_MS, so other writes (a
 * save) wait a fraction of a second, never the whole import; the last fills in the statistics and
 * makes the recording visible. Nothing is visible before that last COMMIT: a cancel or an error
 * deletes what the chunks wrote (unfinished-imports.ts), and the rows a killed process leaves are
 * deleted at the next open. Runs in a worker thread (import-worker.ts) in the app; callable
 * directly by the CLI, the benchmark and tests.
 */
import type { Database } from 'better-sqlite3';
import { stat } from 'node:fs/promises';
import type { MessagePort } from 'node:worker_threads';
import type { ImportProgress, ImportRequest } from '../types';
import { ChunkedWrites, CHUNK_MS, nextTurn } from './chunked-writes';
import { bulkImportSettings } from './bulk-settings';
import { openEventProducer, type EventProducer } from './event-batches';
import { EventWriter } from './event-writer';
import { RecordingImportError } from './import-error';
import { wrapReadError } from './read-error';
import { finishRecording, insertRecording } from './recording-row';
import { fillEventKeys } from './key-table';
import { discardImport } from './unfinished-imports';
import {
  openEventProducerInWorker,
  PARSE_WORKER_MIN_BYTES,
  ParseWorkerUnavailable,
} from './worker-event-producer';

export interface ImportHooks {
  onProgress?: (progress: ImportProgress) => void;
  /** Polled between batches; true stops the import and rolls it back. */
  isCancelled?: () => boolean;
  /**
   * Asked once, after the last row and before COMMIT; false rolls back as a cancel. A worker asks its
   * parent here, so a cancel sent while the last rows were written cannot be lost to a COMMIT.
   */
  confirmCommit?: () => Promise<boolean>;
  /** Called when a cancelled or failed import starts deleting what it committed (it is alive and finishing). */
  onDiscard?: () => void;
  /** Runs between two chunks (default: one event-loop turn); the worker gives way to waiting writers here. */
  betweenChunks?: () => Promise<void>;
  /** True while another writer waits for the lock: the chunk is committed after the current batch. */
  othersWaiting?: () => boolean;
  /** Longest a chunk holds the write lock (ms, default CHUNK_MS). */
  chunkMs?: number;
  /** Minimum milliseconds between progress reports (default 100). */
  progressInterval?: number;
  now?: () => number;
  /**
   * Read and parse in a worker thread while this thread writes (worker-event-producer.ts).
   * Default: for files of PARSE_WORKER_MIN_BYTES and more, where it outweighs starting a thread.
   */
  parseInWorker?: boolean;
  /** A parse worker already started for this import (worker-event-producer.ts, startParseWorkerBeside). */
  parser?: MessagePort;
}

export { PARSE_WORKER_MIN_BYTES };

async function fileBytes(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0; // the reader reports why the file cannot be read
  }
}

/** The worker-thread parser when wanted and available (the one given, or a new one), else parsing in this thread. */
async function openProducer(request: ImportRequest, hooks: ImportHooks): Promise<EventProducer> {
  const { parser, parseInWorker } = hooks;
  if (parser || (parseInWorker ?? (await fileBytes(request.path)) >= PARSE_WORKER_MIN_BYTES)) {
    try {
      return await openEventProducerInWorker(request, parser);
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

/** Counted on the key table (complete by then): cheaper than a JavaScript set of every key as rows go by. */
export const DISTINCT_KEYS_SQL = 'SELECT COUNT(DISTINCT key) AS n FROM event_keys WHERE recording_id = ?';

function distinctKeys(db: Database, recordingId: number): number {
  return (db.prepare(DISTINCT_KEYS_SQL).get(recordingId) as { n: number }).n;
}

const discardedError = (): RecordingImportError =>
  new RecordingImportError({
    code: 'internal',
    message:
      'Import stopped: another Cepheus opened this database and removed the unfinished import. Nothing was stored.',
  });

export async function runImport(
  db: Database,
  request: ImportRequest,
  hooks: ImportHooks = {},
): Promise<number> {
  checkRequest(request);
  const now = hooks.now ?? Date.now;
  const betweenChunks = hooks.betweenChunks ?? nextTurn;
  const chunks = new ChunkedWrites(db, betweenChunks, hooks.chunkMs ?? CHUNK_MS, hooks.othersWaiting);
  let producer: EventProducer | null = null;
  let recordingId: number | null = null;
  let restoreSettings: (() => void) | null = null;
  try {
    producer = await openProducer(request, hooks);
    const info = producer.info;
    const interval = hooks.progressInterval ?? 100;
    let lastReport = 0;
    let progress: ImportProgress = { bytesRead: 0, totalBytes: info.fileBytes, rows: 0, malformed: 0 };
    const report = (): void => hooks.onProgress?.(progress);

    restoreSettings = bulkImportSettings(db);
    await chunks.begin();
    const id = insertRecording(db, request, info, new Date(now()).toISOString());
    recordingId = id;
    await chunks.commit();
    const writer = new EventWriter(db, id);
    let payloadBytes = 0;
    const batches = producer.batches[Symbol.asyncIterator]();
    for (;;) {
      const next = await chunks.idle(batches.next());
      if (next.done) break;
      const batch = next.value;
      await chunks.begin();
      writer.addBatch(batch.ts, batch.keys, batch.payloads);
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
      await chunks.commitIfDue();
    }
    await chunks.begin();
    writer.flush();
    await chunks.commit();

    const summary = await producer.summary();
    const malformed = summary.malformed;
    if (request.onMalformed === 'reject' && malformed.total > 0) {
      const first = malformed.rows[0];
      throw new RecordingImportError({
        code: 'malformed-rows',
        message:
          malformed.total === 1
            ? `1 malformed row, line ${first.line}: ${first.reason}. Nothing was imported.`
            : `${malformed.total.toLocaleString('en-US')} malformed rows; the first is line ${first.line}: ${first.reason}. Nothing was imported.`,
        malformed,
      });
    }
    if (writer.count === 0) {
      throw new RecordingImportError({
        code: 'empty',
        message:
          malformed.total > 0
            ? `No valid events: ${malformed.total === 1 ? 'the one row is' : `all ${malformed.total.toLocaleString('en-US')} rows are`} malformed.`
            : 'The file holds no events.',
        malformed,
      });
    }
    const checkCancelled = (): void => {
      if (hooks.isCancelled?.()) throw cancelledError();
    };
    checkCancelled();
    await fillEventKeys(db, id, summary.keyRows, chunks, checkCancelled);
    const keyCount = distinctKeys(db, id);
    if (hooks.confirmCommit && !(await hooks.confirmCommit())) throw cancelledError();
    checkCancelled();
    await chunks.begin();
    const visible = finishRecording(db, id, {
      rowCount: writer.count,
      payloadBytes,
      minTs: summary.minTs,
      maxTs: summary.maxTs,
      keyCount,
      outOfOrder: summary.outOfOrder,
      outOfOrderSample: summary.outOfOrderSample,
      malformed,
      schema: summary.schema,
    });
    if (!visible) throw discardedError();
    chunks.commitLast();
    recordingId = null;
    report();
    return id;
  } catch (error) {
    chunks.rollback();
    if (recordingId !== null) {
      hooks.onDiscard?.();
      await discardUnfinished(db, recordingId, betweenChunks);
    }
    throw wrapReadError(error, request.path);
  } finally {
    chunks.rollback();
    restoreSettings?.();
    producer?.close();
  }
}

/** After a cancel or an error: the chunks already committed are deleted. */
async function discardUnfinished(
  db: Database,
  recordingId: number,
  betweenChunks: () => Promise<void>,
): Promise<void> {
  try {
    await discardImport(db, recordingId, betweenChunks);
  } catch {
    // Left marked importing, so still invisible; the next open deletes it (discardUnfinishedImports).
  }
}
