/**
 * Worker-thread entry of an import: opens its own connection to the database file and runs
 * runImport there, so parsing and inserting never block the main process (or the UI).
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { JOURNAL_SIZE_LIMIT } from '../../db/journal';
import { createWriteTurn, giveWay } from '../../db/write-turn';
import { RecordingImportError } from './import-error';
import { runImport } from './run-import';
import type { FromWorker, ImportWorkerData, ToWorker } from './worker-protocol';

function send(message: FromWorker): void {
  parentPort?.postMessage(message);
}

function openConnection(dbPath: string): Database.Database {
  const db = new Database(dbPath, { fileMustExist: true });
  db.pragma('busy_timeout = 10000');
  // Bigger page cache: index maintenance during a large insert stays in memory.
  db.pragma('cache_size = -65536');
  const ready = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'").get();
  if (!ready) {
    db.close();
    throw new RecordingImportError({
      code: 'internal',
      message: `${dbPath} has no events table; open it with Cepheus first so it is migrated.`,
    });
  }
  return db;
}

/**
 * The import commits with automatic checkpoints off (bulkImportSettings), so copying its pages
 * from the WAL into the database file is not part of the wait. It is done here, after the
 * recording is reported, so the app's own connection does not meet a WAL of hundreds of MB at
 * its next write, and no WAL of that size stays on disk. TRUNCATE copies everything and cuts the
 * WAL file to nothing (waiting, up to busy_timeout, for readers of older snapshots); if a reader
 * still holds it, journal_size_limit has the next resetting checkpoint cut it instead.
 */
function checkpoint(db: Database.Database): void {
  try {
    db.pragma(`journal_size_limit = ${JOURNAL_SIZE_LIMIT}`);
    db.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    // Housekeeping only: the recording is committed either way.
  }
}

async function main(): Promise<void> {
  const { dbPath, request, writeTurn, parser } = workerData as ImportWorkerData;
  const turn = createWriteTurn(writeTurn);
  let cancelled = false;
  let answerCommit: ((commit: boolean) => void) | null = null;
  parentPort?.on('message', (message: ToWorker) => {
    if (message.type === 'cancel') cancelled = true;
    answerCommit?.(message.type === 'commit' && !cancelled);
    answerCommit = null;
  });
  const confirmCommit = (): Promise<boolean> =>
    cancelled
      ? Promise.resolve(false)
      : new Promise<boolean>((resolve) => {
          answerCommit = resolve;
          send({ type: 'ready' });
        });
  let db: Database.Database | null = null;
  try {
    db = openConnection(dbPath);
    const recordingId = await runImport(db, request, {
      onProgress: (progress) => send({ type: 'progress', progress }),
      isCancelled: () => cancelled,
      confirmCommit,
      othersWaiting: () => turn.waiting() > 0,
      onDiscard: () => send({ type: 'discarding' }),
      betweenChunks: () => giveWay(turn),
      ...(parser ? { parser } : {}),
    });
    send({ type: 'done', recordingId });
    checkpoint(db);
  } catch (error) {
    const info =
      error instanceof RecordingImportError
        ? error.toInfo()
        : { code: 'internal' as const, message: error instanceof Error ? error.message : String(error) };
    send({ type: 'failed', error: info });
  } finally {
    db?.close();
    parentPort?.close();
  }
}

void main();
